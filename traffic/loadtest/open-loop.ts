/**
 * Open-loop scheduling: send number i goes out at start + i/rate whatever
 * happened to the earlier ones. A closed loop (wait for a response, then
 * send) slows down exactly when the target struggles and so hides the
 * problem; an open loop keeps offering the planned load. In-flight requests
 * are bounded by `concurrency`: a send due while every slot is busy is
 * counted as dropped, never queued, so a stalled target cannot make the
 * run grow without bound.
 */

/** Clock and timer, injected so tests run on fake time. */
export interface LoopClock {
  /** Monotonic seconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface OpenLoopOptions {
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  /** Planned sends (`plannedCount(rate, duration)`). */
  readonly count: number;
  readonly concurrency: number;
  /** Sends number `seq` and records its outcome; must not reject (a rejection is a bug and ends the run). */
  readonly send: (seq: number) => Promise<void>;
  readonly clock: LoopClock;
  /** Stops planning new sends (Ctrl-C); the ones in flight still finish. */
  readonly signal?: AbortSignal;
}

/** Timing of a finished run. */
export interface LoopTiming {
  /** The sending window: the planned duration, or until the abort. */
  readonly sendingSeconds: number;
  /** Until the last in-flight request finished. */
  readonly elapsedSeconds: number;
  readonly aborted: boolean;
}

// Longest single sleep, so an abort is noticed quickly even at low rates.
const MAX_SLEEP_MS = 100;

/** One run's scheduler; its counters are read live by the progress reporter. */
export class OpenLoop {
  sent = 0;
  dropped = 0;
  inFlight = 0;
  readonly #opts: OpenLoopOptions;
  #startedAt = 0;

  constructor(opts: OpenLoopOptions) {
    this.#opts = opts;
  }

  /** Seconds since the run started (0 before). */
  elapsed(): number {
    return this.#startedAt === 0 ? 0 : this.#opts.clock.now() - this.#startedAt;
  }

  /** Runs to the end of the plan (or the abort) and waits for every request in flight. */
  async run(): Promise<LoopTiming> {
    const { ratePerSecond: rate, count, concurrency, clock, signal } = this.#opts;
    const start = (this.#startedAt = clock.now());
    const pending = new Set<Promise<void>>();
    let bug: unknown;
    let next = 0;
    while (next < count && !signal?.aborted) {
      const elapsed = clock.now() - start;
      // Everything due by now goes out now: after a late wake-up the loop
      // catches up rather than skipping, so the offered load is the plan.
      while (next < count && next / rate <= elapsed) {
        const seq = next++;
        if (this.inFlight >= concurrency) {
          this.dropped++;
          continue;
        }
        this.inFlight++;
        this.sent++;
        const p: Promise<void> = this.#opts.send(seq).then(
          () => { this.inFlight--; pending.delete(p); },
          (err: unknown) => { bug ??= err; this.inFlight--; pending.delete(p); },
        );
        pending.add(p);
      }
      if (next < count) await clock.sleep(Math.min(MAX_SLEEP_MS, Math.max(0, (next / rate - (clock.now() - start)) * 1000)));
    }
    const aborted = next < count;
    const stoppedAt = clock.now() - start;
    while (pending.size > 0) await Promise.all([...pending]);
    if (bug !== undefined) throw bug;
    return {
      sendingSeconds: aborted ? stoppedAt : Math.max(this.#opts.durationSeconds, stoppedAt),
      elapsedSeconds: clock.now() - start,
      aborted,
    };
  }
}
