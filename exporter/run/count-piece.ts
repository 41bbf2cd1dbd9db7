/**
 * Counts one piece of a parallel `--once` plan (./parallel-plan.ts) into a
 * fresh partial engine: what a range worker does with each piece it is
 * sent, and what the main thread does with the pieces it takes itself
 * (./parallel.ts).
 */
import { Engine } from '../counting/engine.js';
import { readRange } from '../sources/file-range.js';
import type { Done, Job, Piece } from './parallel-plan.js';

/** Piece `id` of `job` counted, read through `buf`. */
export function countPiece(job: Job, id: number, piece: Piece, buf: Buffer<ArrayBuffer>): Done {
  const s = job.sources[piece.source];
  if (!s) throw new Error(`count-piece: no source ${piece.source}`);
  const engine = new Engine({ endpoints: job.endpoints, labelLimit: Infinity, partial: true });
  const consumed = readRange(piece.path, piece.start, piece.end, engine.sink(s.name, s), job.maxLineBytes, piece.finish, buf);
  return { id, partial: engine.partialState(), consumed };
}
