/**
 * `hookwatch backfill`: historical delivery logs → OpenMetrics with
 * event-time timestamps for `promtool tsdb create-blocks-from openmetrics`.
 * Records are counted exactly as the live exporter counts them; every
 * `step` seconds of event time the changed series are sampled
 * (./backfill-timeline.ts). Output is grouped by family, each series'
 * points in increasing time, then `# EOF`. A large log of a format that
 * carries its attempt numbers is counted on every core
 * (./backfill-parallel.ts), with the same text.
 */
import { access, constants, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { RecordFormatSpec } from '../../config/index.js';
import { Engine } from '../counting/engine.js';
import type { EndpointRef } from '../counting/endpoints.js';
import { parseLine, readerFor } from '../records/parse.js';
import { backfillParallel } from './backfill-parallel.js';
import { Timeline, windowOf } from './backfill-timeline.js';
import { drain, openFileSource } from './open.js';
import { PARALLEL_MIN_BYTES, splittable } from './parallel.js';

export interface BackfillOptions {
  readonly from: string;
  readonly format: RecordFormatSpec;
  readonly endpoints: readonly EndpointRef[];
  readonly labelLimit: number;
  readonly maxLineBytes: number;
  /** Seconds of event time between samples. */
  readonly stepSeconds: number;
  /**
   * Counting threads: 1 counts on this thread; more, on that many worker
   * threads; absent, on every core when the log is at least
   * PARALLEL_MIN_BYTES. Svix and Convoy always count on one thread.
   */
  readonly threads?: number;
  readonly progress?: (doneBytes: number, totalBytes: number, lines: number) => void;
}

export interface BackfillResult {
  readonly text: string;
  readonly lines: number;
  readonly records: number;
  readonly errors: number;
  readonly samples: number;
  /** Threads that counted (1: this one). */
  readonly threads: number;
}

/** Fails like opening the file would: missing, unreadable or a folder. */
async function checkReadable(path: string): Promise<number> {
  const st = await stat(path);
  if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
  await access(path, constants.R_OK);
  return st.size;
}

/** Reads the whole log and returns the OpenMetrics text. */
export async function backfill(o: BackfillOptions): Promise<BackfillResult> {
  const size = await checkReadable(o.from);
  const cores = availableParallelism();
  const threads = o.threads ?? (cores > 1 && size >= PARALLEL_MIN_BYTES ? cores : 1);
  if (threads > 1 && splittable(o.format)) {
    try {
      return await backfillParallel(o, { workers: threads });
    } catch (err) {
      // A range with more distinct label values than a worker's heap holds: one thread, with the cap applied as it goes, always fits.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
    }
  }
  return backfillOneThread(o);
}

/** The reference: every record counted on this thread, in log order. */
export async function backfillOneThread(o: BackfillOptions): Promise<BackfillResult> {
  await checkReadable(o.from);
  const engine = new Engine({ endpoints: o.endpoints, labelLimit: o.labelLimit });
  const read = readerFor(o.format);
  const timeline = new Timeline(o.stepSeconds);
  let lines = 0;
  let records = 0;
  const sink = {
    line: (text: string) => {
      lines++;
      const r = parseLine(text, read);
      if (!r.ok) return;
      timeline.reach(windowOf(r.record.ts, o.stepSeconds), engine.agg);
      engine.record('backfill', r.record);
      records++;
    },
    tooLong: () => { lines++; },
  };
  const src = openFileSource(engine, { type: 'file', name: 'backfill', path: o.from, written: o.from, ...o.format }, o.maxLineBytes, undefined, sink);
  try {
    await drain(src, () => {
      const lag = src.lag();
      o.progress?.(lag.offset, lag.size, lines);
    });
  } finally {
    await src.close();
  }
  timeline.finish(engine.agg);
  const { text, samples } = timeline.render();
  return { text, lines, records, errors: lines - records, samples, threads: 1 };
}
