/**
 * Worker threads counting pieces of a log, results handed back in piece
 * order, so the caller merges them as one thread would have counted them.
 * A worker is sent `{ id, piece }` and answers `{ id, … }`. Pieces are
 * handed out only while fewer than two per worker wait for the caller,
 * so a slow merge bounds what is held in memory. A worker that fails (out
 * of heap included: the error's code is ERR_WORKER_OUT_OF_MEMORY) fails the
 * iteration; leaving it, by the end or a throw, terminates every worker.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

export interface PoolOptions {
  readonly workers: number;
  /** The worker entry file. */
  readonly url: URL;
  readonly workerData: unknown;
  /** Named in the error of a worker that exits on its own. */
  readonly what: string;
  readonly resourceLimits?: ResourceLimits;
}

interface Slot<R> {
  readonly promise: Promise<R>;
  resolve(v: R): void;
  reject(e: Error): void;
}

function slot<R>(): Slot<R> {
  let resolve!: (v: R) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<R>((a, b) => { resolve = a; reject = b; });
  promise.catch(() => undefined); // a failure of a piece not awaited yet must not crash the process
  return { promise, resolve, reject };
}

/** Counts `pieces` on `o.workers` threads; yields each answer in piece order. */
export async function* inPieceOrder<P, R extends { readonly id: number }>(pieces: readonly P[], o: PoolOptions): AsyncGenerator<R> {
  const slots = pieces.map(() => slot<R>());
  const limit = 2 * o.workers;
  const parked: Worker[] = [];
  let next = 0;
  let taken = 0;
  const feed = (w: Worker) => {
    if (next >= pieces.length) void w.terminate();
    else if (next - taken >= limit) parked.push(w);
    else {
      w.postMessage({ id: next, piece: pieces[next] });
      next++;
    }
  };
  const fail = (err: unknown) => { for (const s of slots) s.reject(err instanceof Error ? err : new Error(String(err))); };
  const workers = Array.from({ length: Math.max(1, Math.min(o.workers, pieces.length)) }, () => {
    const w = new Worker(o.url, { workerData: o.workerData, ...(o.resourceLimits ? { resourceLimits: o.resourceLimits } : {}) });
    w.on('message', (r: R) => {
      slots[r.id]?.resolve(r);
      feed(w);
    });
    w.on('error', fail);
    // 1 is terminate()'s own exit code.
    w.on('exit', (code) => { if (code !== 0 && code !== 1) fail(new Error(`${o.what} worker exited with code ${code}`)); });
    return w;
  });
  for (const w of workers) feed(w);
  try {
    for (let i = 0; i < pieces.length; i++) {
      const r = await (slots[i] as Slot<R>).promise;
      slots[i] = done as Slot<R>;
      taken++;
      while (parked.length > 0 && next - taken < limit) feed(parked.shift() as Worker);
      yield r;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const done: Slot<never> = { promise: new Promise(() => undefined), resolve: () => undefined, reject: () => undefined };
