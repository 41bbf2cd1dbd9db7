/**
 * Runs `--once` in a worker thread with a larger young generation.
 * Counting a whole log allocates millions of short-lived objects (one
 * JSON.parse result per line); with V8's default 16 MiB semi-space most
 * time goes to scavenges. A flag set at run time does not resize the heap
 * of a running isolate, but a worker gets its own heap limits
 * (measured: 1M lines 7.4 s → 4.8 s). The worker's entry file is
 * ./once-worker.ts, a shim that only calls runWorkerJob: importing this
 * module runs nothing. Large logs go to ./parallel.ts instead.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runOnce, type OnceOptions } from './once.js';
import { parallelizable, PARALLEL_MIN_BYTES, runOnceParallel } from './parallel.js';
import { totalBytes } from './parallel-plan.js';
import type { ExporterSettings } from './settings.js';

const YOUNG_GENERATION_MB = 64;

interface Job {
  readonly settings: ExporterSettings;
  readonly version: string;
}

/**
 * Like runOnce; file-only configs run in a worker (a stdin pipe stays on
 * the main thread), large ones on every core (./parallel.ts) when their
 * format allows it.
 */
export async function runOnceInWorker(settings: ExporterSettings, opts: OnceOptions): Promise<string> {
  if (settings.sources.some((s) => s.type === 'stdin')) return runOnce(settings, opts);
  if (availableParallelism() > 1 && parallelizable(settings) && (await totalBytes(settings.sources.filter((s) => s.type === 'file'))) >= PARALLEL_MIN_BYTES) {
    try {
      return await runOnceParallel(settings, opts);
    } catch (err) {
      // A part with more distinct label values than a worker's heap holds: one thread, with the cap applied as it goes, always fits.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
    }
  }
  // Only file sources matter to --once; this also keeps Secret objects (http tokens) out of the message.
  const job: Job = { settings: { ...settings, sources: settings.sources.filter((s) => s.type === 'file') }, version: opts.version };
  const worker = new Worker(new URL('./once-worker.js', import.meta.url), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  return new Promise((resolve, reject) => {
    worker.once('message', (text: string) => resolve(text));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`export --once worker exited with code ${code}`)); });
  });
}

/** The worker's side: counts the job it was started with and posts the text back. */
export async function runWorkerJob(): Promise<void> {
  const job = workerData as Job | undefined;
  if (isMainThread || !parentPort || !job?.settings) throw new Error('runWorkerJob: not inside an export --once worker');
  parentPort.postMessage(await runOnce(job.settings, { version: job.version }));
}
