/**
 * `export --once` on every core: the file sources are cut into byte
 * ranges at line starts (./parallel-plan.ts), the main thread and
 * (cores − 1) worker threads count the ranges into partial states
 * (./count-piece.ts, ../counting/partial.ts), and the main thread merges
 * them in plan order (../counting/merge.ts), so the exposition is byte for
 * byte what the single-threaded run prints.
 *
 * Used when every source is a file source of a format that carries its
 * attempt numbers (hookwatch, or a `map:`) and the files are large enough
 * for threads to pay; otherwise the single-worker path (./in-worker.ts).
 * Svix and Convoy number attempts per event while counting, in log order
 * across the whole log (../counting/attempts.ts), so they stay on one thread.
 *
 * Memory: each counting thread reads through one 1 MiB buffer and holds
 * one range's partial state (per series, not per line); a worker holds at
 * most AHEAD pieces, and results that arrive ahead of the merge wait, at
 * most AHEAD per worker. The main thread counting too saves one isolate
 * (each is ~9 MiB before it holds anything, plus its heap); workers run
 * with a small young generation (`resourceLimits`), the main thread with
 * a young generation that does not grow (keepYoungGenerationSmall).
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { FileSourceConfig, RecordFormatSpec } from '../../config/index.js';
import { Engine } from '../counting/engine.js';
import { countPiece } from './count-piece.js';
import { mergePartial } from '../counting/merge.js';
import { renderExposition } from '../exposition/render.js';
import { planPieces, totalBytes, type Done, type Job, type Piece } from './parallel-plan.js';
import type { OnceOptions } from './once.js';
import type { ExporterSettings } from './settings.js';

/** Below this many bytes in all, one thread is as fast (starting a worker costs ~50 ms). */
export const PARALLEL_MIN_BYTES = 32 << 20;
/** Young generation of a counting worker: small, so RSS stays low; scavenges of per-line garbage stay cheap. */
const WORKER_YOUNG_MB = 8;
/** A part's state is per series, but uncapped (the merge applies the cap): a log of very many distinct endpoints can exceed this, and the run falls back to one thread. */
const WORKER_OLD_MB = 64;
/** Pieces a worker holds at once (one counting, one waiting). */
const AHEAD = 2;
/** The main thread's read buffer, as a worker's. */
const READ_BUFFER = 1 << 20;
/** The heap limits of a counting worker (backfill's workers too, ./backfill-parallel.ts). */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: WORKER_OLD_MB } as const;

export interface ParallelOptions {
  /** Worker threads besides the main thread, which counts too (default: the cores available − 1, fewer than the pieces). */
  readonly workers?: number;
  /** Target range size of a one-file source (default: total / (8 × cores), 4–32 MiB). */
  readonly pieceBytes?: number;
  /** The worker entry (default ./range-worker.js beside this module; tests running the sources point it at dist/). */
  readonly workerUrl?: URL;
}


/** True when this config can be counted in parallel with a result equal to one thread's. */
export function parallelizable(settings: ExporterSettings): boolean {
  return settings.sources.every((s) => s.type === 'file' && splittable(s));
}

/** True for formats whose records carry their attempt numbers, so a part of a log counts without the lines before it. */
export function splittable(spec: RecordFormatSpec): boolean {
  return spec.format !== 'svix' && spec.format !== 'convoy';
}

/** Counts every (file) source on worker threads; the same text as runOnce. */
export async function runOnceParallel(settings: ExporterSettings, opts: OnceOptions & ParallelOptions): Promise<string> {
  const sources = settings.sources.filter((s): s is FileSourceConfig => s.type === 'file');
  const total = await totalBytes(sources);
  const cores = Math.max(1, availableParallelism());
  const pieceBytes = opts.pieceBytes ?? Math.min(32 << 20, Math.max(4 << 20, Math.ceil(total / (8 * cores))));
  const pieces = await planPieces(sources, pieceBytes);
  const engine = new Engine({ endpoints: settings.endpoints, labelLimit: settings.labelLimit });
  const agg = engine.agg;
  agg.set('buildInfo', { version: opts.version, component: 'exporter' }, 1);

  const results = pieces.map(() => deferred<Done>());
  const job: Job = { endpoints: settings.endpoints, maxLineBytes: settings.maxLineBytes, sources };
  // The main thread counts pieces too (between merges), so one core needs no worker of its own: one isolate less.
  const workers = Array.from({ length: Math.min(opts.workers ?? cores - 1, Math.max(0, pieces.length - 1)) }, () => new Worker(opts.workerUrl ?? new URL('./range-worker.js', import.meta.url), {
    workerData: job, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: WORKER_OLD_MB },
  }));
  let next = 0;
  // Each worker holds up to AHEAD pieces, so it never waits while the main thread is busy counting one.
  const queued = new Map<Worker, number>();
  const feed = (w: Worker) => {
    while (next < pieces.length && (queued.get(w) ?? 0) < AHEAD) {
      w.postMessage({ id: next, piece: pieces[next++] });
      queued.set(w, (queued.get(w) ?? 0) + 1);
    }
    if (queued.get(w) === 0) void w.terminate();
  };
  const fail = (err: unknown) => { for (const r of results) r.reject(err instanceof Error ? err : new Error(String(err))); };
  for (const w of workers) {
    w.on('message', (d: Done) => {
      results[d.id]?.resolve(d);
      queued.set(w, (queued.get(w) ?? 1) - 1);
      feed(w);
    });
    w.on('error', fail);
    w.on('exit', (code) => { if (code !== 0 && code !== 1) fail(new Error(`export --once worker exited with code ${code}`)); });
    feed(w);
  }
  const buf = Buffer.allocUnsafe(READ_BUFFER);
  const counting = (async () => {
    await Promise.all(workers.map((w) => new Promise((r) => { w.once('online', r); w.once('error', r); })));
    keepYoungGenerationSmall();
    while (next < pieces.length) {
      const id = next++;
      (results[id] as Deferred<Done>).resolve(countPiece(job, id, pieces[id] as Piece, buf));
      // Let the workers' answers in (and refill them) before the next piece.
      await new Promise<void>((r) => setImmediate(r));
      for (const w of workers) feed(w);
    }
  })();
  counting.catch(fail);
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
    next = pieces.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return renderExposition(agg);
}

/**
 * The main thread's heap limits cannot be set once it runs (a worker gets
 * its own, `resourceLimits`), but its young generation only grows (up to
 * 16 MiB per semi-space) by this factor: at 1 it stays at its initial size.
 * Per-line garbage dies young either way (measured on 1 M lines: the same
 * CPU, 12 MiB less peak RSS). It applies to the process from here on,
 * which is what a `--once` run is. The CLI sets it before the config
 * schema loads (cli/heap.ts); set again here once the workers run, since
 * starting one resets it (measured).
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
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
