/**
 * One Node timer for every scheduled start: a min-heap of items by time,
 * with a single `setTimeout` armed for the earliest. With 20,000 targets,
 * a Node timer each means a `Timeout` per target and, since every target
 * waits a different number of milliseconds, one timer list per target in
 * Node's timer tables, re-made at every run (about 1.3 KiB per target with
 * its closures, and garbage every minute). Here an item is a plain object
 * the scheduler keeps and pushes again for its next run, so a run
 * allocates nothing.
 */

export interface Timed {
  /** When to fire, in the queue's clock (ms). Set before each `push`. */
  at: number;
  readonly fire: () => void;
  /** Set by `cancel`; a cancelled item is dropped when it comes due. */
  cancelled?: boolean;
}

export class TimerQueue {
  readonly #heap: Timed[] = [];
  readonly #clock: () => number;
  #timer: NodeJS.Timeout | undefined;
  #armedAt = Infinity;
  #running = false;

  constructor(clock: () => number = Date.now) {
    this.#clock = clock;
  }

  /** Items waiting (cancelled ones included until they come due). */
  get size(): number {
    return this.#heap.length;
  }

  /** Fires `item` at `item.at` (at once if that has passed). Push an item only when it is not waiting already. */
  push(item: Timed): void {
    item.cancelled = false;
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= item.at) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
    if (!this.#running && item.at < this.#armedAt) this.#arm();
  }

  /** The item will not fire (it leaves the heap when it comes due). */
  cancel(item: Timed): void {
    item.cancelled = true;
  }

  /** Stops the timer; waiting items stay and fire again after the next `push`. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedAt = Infinity;
  }

  #arm(): void {
    clearTimeout(this.#timer);
    while (this.#heap.length && this.#heap[0]!.cancelled) this.#pop();
    const next = this.#heap[0];
    this.#armedAt = next ? next.at : Infinity;
    this.#timer = next ? setTimeout(this.#run, Math.max(0, next.at - this.#clock())) : undefined;
  }

  readonly #run = (): void => {
    this.#timer = undefined;
    this.#armedAt = Infinity;
    this.#running = true;
    try {
      const now = this.#clock();
      while (this.#heap.length && this.#heap[0]!.at <= now) {
        const item = this.#pop();
        if (!item.cancelled) item.fire();
      }
    } finally {
      this.#running = false;
      this.#arm();
    }
  };

  #pop(): Timed {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const r = l + 1;
        const child = r < heap.length && heap[r]!.at < heap[l]!.at ? r : l;
        if (heap[child]!.at >= last.at) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
