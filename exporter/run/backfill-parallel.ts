/**
 * `hookwatch backfill` on every core, with the very text one thread writes.
 * The log is cut into byte ranges at line starts (./parallel-plan.ts, as
 * for `export --once`); a worker (./backfill-worker.ts) counts a range
 * into segments, cutting at every record that opens a later window than
 * any before it in the range, each segment a partial state
 * (../counting/partial.ts) with the window that opened it.
 *
 * Why that is enough: one thread samples the state whenever a record's
 * window is above every window before it in the log. Such a record is
 * above every window before it in its range too, so it starts a segment;
 * a segment's other records are at most its window. So, with the segments
 * in log order, the main thread asks the timeline (./backfill-timeline.ts)
 * whether a segment's window is above the time reached so far (then it
 * samples the merged state first, as one thread samples before that
 * record), then merges the segment (../counting/merge.ts): the state
 * after each merge is the state one thread had after the same record, so
 * every sample is the same, in the same series order.
 */
import type { FileSourceConfig } from '../../config/index.js';
import { Engine } from '../counting/engine.js';
import type { EndpointRef } from '../counting/endpoints.js';
import { mergePartial } from '../counting/merge.js';
import type { PartialState } from '../counting/partial.js';
import type { FormatSpec } from '../records/parse.js';
import type { BackfillOptions, BackfillResult } from './backfill.js';
import { Timeline } from './backfill-timeline.js';
import { WORKER_LIMITS } from './parallel.js';
import { planPieces, totalBytes, type Piece } from './parallel-plan.js';
import { inPieceOrder } from './piece-pool.js';

/** What every backfill worker is started with. */
export interface BackfillJob {
  readonly endpoints: readonly EndpointRef[];
  readonly format: FormatSpec;
  readonly maxLineBytes: number;
  readonly stepSeconds: number;
}

/**
 * Records counted one after the other, opened by a record of window
 * `window` (-Infinity: the range's records before its first window). The
 * partial state travels as its JSON text, parsed just before its merge:
 * a piece's many small segments, cloned as objects, would all be live in
 * the main thread's young generation at once, and each scavenge would copy
 * them (measured: scavenges of 20–180 ms, 0.5 s of GC on 300k lines).
 */
export interface BackfillSegment {
  readonly window: number;
  readonly partial: string;
}

/** A worker's answer for piece `id`. */
export interface BackfillDone {
  readonly id: number;
  readonly segments: readonly BackfillSegment[];
  readonly lines: number;
  readonly records: number;
  readonly consumed: number;
}

export interface BackfillParallelOptions {
  readonly workers: number;
  /** Target range size (default: the log / (4 × workers), 64 KiB–32 MiB). */
  readonly pieceBytes?: number;
  /** The worker entry (default ./backfill-worker.js beside this module; tests running the sources point it at dist/). */
  readonly workerUrl?: URL;
}

/** Counts the log on worker threads; the same result as one thread. */
export async function backfillParallel(o: BackfillOptions, p: BackfillParallelOptions): Promise<BackfillResult> {
  const source: FileSourceConfig = { type: 'file', name: 'backfill', path: o.from, written: o.from, ...o.format };
  const total = await totalBytes([source]);
  const pieceBytes = p.pieceBytes ?? Math.min(32 << 20, Math.max(64 << 10, Math.ceil(total / (4 * p.workers))));
  const pieces = await planPieces([source], pieceBytes);
  const engine = new Engine({ endpoints: o.endpoints, labelLimit: o.labelLimit });
  const timeline = new Timeline(o.stepSeconds);
  const job: BackfillJob = { endpoints: o.endpoints, format: o.format, maxLineBytes: o.maxLineBytes, stepSeconds: o.stepSeconds };
  let lines = 0;
  let records = 0;
  let done = 0;
  const workers = Math.min(p.workers, pieces.length);
  const answers = inPieceOrder<Piece, BackfillDone>(pieces, {
    workers, url: p.workerUrl ?? new URL('./backfill-worker.js', import.meta.url), workerData: job, what: 'backfill', resourceLimits: WORKER_LIMITS,
  });
  for await (const d of answers) {
    for (const seg of d.segments) {
      timeline.reach(seg.window, engine.agg);
      mergePartial(engine, JSON.parse(seg.partial) as PartialState);
    }
    lines += d.lines;
    records += d.records;
    done += d.consumed;
    o.progress?.(done, total, lines);
  }
  timeline.finish(engine.agg);
  const { text, samples } = timeline.render();
  return { text, lines, records, errors: lines - records, samples, threads: workers };
}
