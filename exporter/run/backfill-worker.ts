/**
 * Entry file of the parallel backfill's worker threads (./backfill-parallel.ts):
 * counts each byte range it is sent, one record after the other as backfill
 * does, cut into segments at every record that opens a later window than
 * any before it in the range; each segment is counted into a fresh partial
 * engine and posted back with the window that opened it. A worker entry
 * runs on load by nature; nothing imports it. It loads only the counting
 * stages, so each thread stays small.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../counting/engine.js';
import { parseRecord, readerFor } from '../records/parse.js';
import { readRange } from '../sources/file-range.js';
import type { BackfillDone, BackfillJob, BackfillSegment } from './backfill-parallel.js';
import type { Piece } from './parallel-plan.js';
import { windowOf } from './backfill-timeline.js';

const job = workerData as BackfillJob | undefined;
const port = parentPort;
if (isMainThread || !port || !job?.stepSeconds) throw new Error('backfill-worker: not inside a backfill worker');
const read = readerFor(job.format);
const buf = Buffer.allocUnsafe(1 << 20);
const fresh = () => new Engine({ endpoints: job.endpoints, labelLimit: Infinity, partial: true });

port.on('message', ({ id, piece }: { id: number; piece: Piece }) => {
  const segments: BackfillSegment[] = [];
  // Records before the range's first window opener (of a time NaN never opens one) join whatever window was reached before.
  let window = -Infinity;
  let engine = fresh();
  let counted = 0;
  let lines = 0;
  let records = 0;
  const close = () => {
    if (counted > 0) segments.push({ window, partial: JSON.stringify(engine.partialState()) });
  };
  const consumed = readRange(piece.path, piece.start, piece.end, {
    line: (text) => {
      lines++;
      const r = parseRecord(text, read);
      if (typeof r === 'string') return;
      const w = windowOf(r.ts, job.stepSeconds);
      if (w > window) {
        close();
        engine = fresh();
        counted = 0;
        window = w;
      }
      engine.record('backfill', r);
      counted++;
      records++;
    },
    tooLong: () => { lines++; },
  }, job.maxLineBytes, piece.finish, buf);
  close();
  port.postMessage({ id, segments, lines, records, consumed } satisfies BackfillDone);
});
