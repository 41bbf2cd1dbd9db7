/**
 * `export --once` on every core: the file sources are cut into byte
 * ranges at line starts (./parallel-plan.ts), worker threads count the
 * ranges into partial states (../counting/partial.ts), and the main
 * thread merges them in plan order (../counting/merge.ts), so the
 * exposition is byte for byte what the single-threaded run prints.
 *
 * Used when every source is a file source of a format that carries its
 * attempt numbers (hookwatch, or a `map:`) and the files are large enough
 * for threads to pay; otherwise the single-worker path (./in-worker.ts).
 * Svix and Convoy number attempts per event while counting, in log order
 * across the whole log (../counting/attempts.ts), so they stay on one thread.
 *
 * Memory: each worker reads through one 1 MiB buffer and holds one
 * range's partial state (per series, not per line); results that arrive
 * ahead of the merge wait, at most one per worker. Workers run with a
 * small young generation (`resourceLimits`), the main thread only merges.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileSourceConfig } from '../../config/index.js';
import { Engine } from '../counting/engine.js';
import { mergePartial } from '../counting/merge.js';
import { renderExposition } from '../exposition/render.js';
import { planPieces, totalBytes, type Done, type Job, type Piece } from './parallel-plan.js';
import type { OnceOptions } from './once.js';
import type { ExporterSettings } from './settings.js';

/** Below this many bytes in all, one thread is as fast (starting workers costs ~50 ms each). */
export const PARALLEL_MIN_BYTES = 32 << 20;
/** Young generation of a counting worker: small, so RSS stays low; scavenges of per-line garbage stay cheap. */
const WORKER_YOUNG_MB = 8;
/** A part's state is per series, but uncapped (the merge applies the cap): a log of very many distinct endpoints can exceed this, and the run falls back to one thread. */
const WORKER_OLD_MB = 64;

export interface ParallelOptions {
  /** Worker threads (default: the cores available, at most the pieces). */
  readonly workers?: number;
  /** Target range size of a one-file source (default: total / (4 × workers), 4–32 MiB). */
  readonly pieceBytes?: number;
  /** The worker entry (default ./range-worker.js beside this module; tests running the sources point it at dist/). */
  readonly workerUrl?: URL;
}


/** True when this config can be counted in parallel with a result equal to one thread's. */
export function parallelizable(settings: ExporterSettings): boolean {
  return settings.sources.every((s) => s.type === 'file' && s.format !== 'svix' && s.format !== 'convoy');
}

/** Counts every (file) source on worker threads; the same text as runOnce. */
export async function runOnceParallel(settings: ExporterSettings, opts: OnceOptions & ParallelOptions): Promise<string> {
  const sources = settings.sources.filter((s): s is FileSourceConfig => s.type === 'file');
  const total = await totalBytes(sources);
  const cores = Math.max(1, opts.workers ?? availableParallelism());
  const pieceBytes = opts.pieceBytes ?? Math.min(32 << 20, Math.max(4 << 20, Math.ceil(total / (4 * cores))));
  const pieces = await planPieces(sources, pieceBytes);
  const engine = new Engine({ endpoints: settings.endpoints, labelLimit: settings.labelLimit });
  const agg = engine.agg;
  agg.set('buildInfo', { version: opts.version, component: 'exporter' }, 1);

  const results = pieces.map(() => deferred<Done>());
  const job: Job = { endpoints: settings.endpoints, maxLineBytes: settings.maxLineBytes, sources };
  const workers = Array.from({ length: Math.min(cores, Math.max(1, pieces.length)) }, () => new Worker(opts.workerUrl ?? new URL('./range-worker.js', import.meta.url), {
    workerData: job, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: WORKER_OLD_MB },
  }));
  let next = 0;
  const feed = (w: Worker) => {
    if (next < pieces.length) w.postMessage({ id: next, piece: pieces[next++] });
    else void w.terminate();
  };
  for (const w of workers) {
    w.on('message', (d: Done) => {
      results[d.id]?.resolve(d);
      feed(w);
    });
    const fail = (err: unknown) => { for (const r of results) r.reject(err instanceof Error ? err : new Error(String(err))); };
    w.on('error', fail);
    w.on('exit', (code) => { if (code !== 0 && code !== 1) fail(new Error(`export --once worker exited with code ${code}`)); });
    feed(w);
  }
  try {
    let i = 0;
    for (let s = 0; s < sources.length; s++) {
      let consumed = 0;
      for (; i < pieces.length && (pieces[i] as Piece).source === s; i++) {
        const d = await (results[i] as Deferred<Done>).promise;
        mergePartial(engine, d.partial);
        consumed += d.consumed;
        results[i] = settled;
      }
      const name = (sources[s] as FileSourceConfig).name;
      agg.set('exporterSourceSize', { source: name }, consumed);
      agg.set('exporterSourceOffset', { source: name }, consumed);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return renderExposition(agg);
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(v: T): void;
  reject(e: Error): void;
}

const settled: Deferred<never> = { promise: new Promise(() => undefined), resolve: () => undefined, reject: () => undefined };

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((a, b) => { resolve = a; reject = b; });
  // A rejection nobody awaits yet (a later piece) must not crash the process.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
