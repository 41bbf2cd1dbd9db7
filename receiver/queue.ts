/**
 * The in-process processing queue: the receiver answers 202 at once and
 * processing happens here. Temporary errors are retried with exponential
 * backoff and jitter; permanent errors and exhausted retries go to the DLQ.
 */

import { PermanentError } from '../receiver-kit/errors.js';

export { PermanentError, TemporaryError } from '../receiver-kit/errors.js';

export interface QueuedEvent {
  readonly id: string;
  readonly type: string;
  readonly payload: unknown;
  readonly requestId: string;
  /** 1-based processing attempt. */
  attempt: number;
  /** Handlers already done (fan-out: a retry runs only the failed ones). */
  readonly done: Set<string>;
}

export type ProcessResult =
  | { readonly status: 'success'; readonly seconds: number }
  | { readonly status: 'temporary_failure'; readonly seconds: number; readonly error: string; readonly willRetry: boolean; readonly retryInSeconds?: number }
  | { readonly status: 'permanent_failure'; readonly seconds: number; readonly error: string };

export interface QueueOptions {
  readonly concurrency: number;
  readonly limit: number;
  readonly maxAttempts: number;
  readonly backoffSeconds: number;
  readonly maxBackoffSeconds: number;
  /** Runs the event's handlers; throws TemporaryError/PermanentError. */
  process(ev: QueuedEvent): Promise<void>;
  onResult(ev: QueuedEvent, r: ProcessResult): void;
  random?: () => number;
}

/** Delay before retry number `attempt` (1-based): exponential, capped, ±50% jitter. */
export function backoffSeconds(attempt: number, base: number, max: number, random: () => number = Math.random): number {
  const exp = Math.min(max, base * 2 ** (attempt - 1));
  return exp * (0.5 + random());
}

export class ProcessingQueue {
  readonly #o: QueueOptions;
  readonly #waiting: QueuedEvent[] = [];
  readonly #timers = new Map<NodeJS.Timeout, QueuedEvent>();
  #retrying = 0;
  #inFlight = 0;
  #idle: (() => void)[] = [];

  constructor(o: QueueOptions) {
    this.#o = o;
  }

  /** Events waiting, running or scheduled for retry. */
  get depth(): number {
    return this.#waiting.length + this.#inFlight + this.#retrying;
  }
  get limit(): number {
    return this.#o.limit;
  }
  get inFlight(): number {
    return this.#inFlight;
  }

  /** False when the queue is full: the caller answers 503. */
  push(ev: QueuedEvent): boolean {
    if (this.depth >= this.#o.limit) return false;
    this.#waiting.push(ev);
    this.#pump();
    return true;
  }

  /** Resolves when nothing waits or runs (retries scheduled later are dropped by stop()). */
  idle(): Promise<void> {
    if (this.#waiting.length === 0 && this.#inFlight === 0) return Promise.resolve();
    return new Promise((r) => this.#idle.push(r));
  }

  /** Cancels scheduled retries; returns the events they held. */
  stop(): QueuedEvent[] {
    const held = [...this.#timers.values()];
    for (const t of this.#timers.keys()) clearTimeout(t);
    this.#timers.clear();
    this.#retrying = 0;
    return held;
  }

  #pump(): void {
    while (this.#inFlight < this.#o.concurrency && this.#waiting.length > 0) {
      const ev = this.#waiting.shift()!;
      this.#inFlight += 1;
      void this.#run(ev).finally(() => {
        this.#inFlight -= 1;
        this.#pump();
        if (this.#waiting.length === 0 && this.#inFlight === 0) for (const r of this.#idle.splice(0)) r();
      });
    }
  }

  async #run(ev: QueuedEvent): Promise<void> {
    const start = performance.now();
    try {
      await this.#o.process(ev);
      this.#o.onResult(ev, { status: 'success', seconds: (performance.now() - start) / 1000 });
    } catch (err) {
      const seconds = (performance.now() - start) / 1000;
      const error = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentError) {
        this.#o.onResult(ev, { status: 'permanent_failure', seconds, error });
        return;
      }
      const willRetry = ev.attempt < this.#o.maxAttempts;
      if (!willRetry) {
        this.#o.onResult(ev, { status: 'temporary_failure', seconds, error, willRetry });
        return;
      }
      const delay = backoffSeconds(ev.attempt, this.#o.backoffSeconds, this.#o.maxBackoffSeconds, this.#o.random);
      this.#o.onResult(ev, { status: 'temporary_failure', seconds, error, willRetry, retryInSeconds: delay });
      this.#retrying += 1;
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        this.#retrying -= 1;
        ev.attempt += 1;
        this.#waiting.push(ev);
        this.#pump();
      }, delay * 1000);
      this.#timers.set(timer, ev);
    }
  }
}
