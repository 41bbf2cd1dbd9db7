/**
 * Fault injection state of a reference receiver: configured at start,
 * changed at run time through the admin API. Decides, per request, whether
 * to answer normally, slowly, with an error, rate-limited or not at all.
 */
import type { Faults } from '../config/index.js';

export type FaultDecision =
  | { readonly kind: 'down' }
  | { readonly kind: 'rate_limited'; readonly headers: Record<string, string> }
  | { readonly kind: 'error'; readonly status: number }
  | { readonly kind: 'ok'; readonly rateLimitHeaders?: Record<string, string> };

export interface FaultClock {
  /** Unix seconds. */
  now(): number;
  /** Uniform [0, 1). */
  random(): number;
}

const SYSTEM: FaultClock = { now: () => Date.now() / 1000, random: Math.random };

export class FaultState {
  #faults: Faults;
  readonly #clock: FaultClock;
  readonly #startedAt: number;
  #windowStart = 0;
  #windowCount = 0;

  constructor(faults: Faults, clock: FaultClock = SYSTEM) {
    this.#faults = faults;
    this.#clock = clock;
    this.#startedAt = clock.now();
  }

  get current(): Faults {
    return this.#faults;
  }

  /** Replaces some fault settings (admin API); the rest stay. */
  update(patch: Partial<Faults>): Faults {
    this.#faults = { ...this.#faults, ...patch };
    return this.#faults;
  }

  replace(faults: Faults): void {
    this.#faults = faults;
  }

  /** True while an outage window (or `down`) is in force. */
  isDown(): boolean {
    if (this.#faults.down) return true;
    const t = this.#clock.now() - this.#startedAt;
    return this.#faults.outages.some((o) => o.everySeconds > 0 && t % o.everySeconds >= o.everySeconds - o.forSeconds);
  }

  /** Milliseconds to wait before answering. */
  latencyMs(): number {
    const l = this.#faults.latency;
    if (!l) return 0;
    return l.minMs + (l.maxMs - l.minMs) * this.#clock.random();
  }

  decide(): FaultDecision {
    if (this.isDown()) return { kind: 'down' };
    const rl = this.#rateLimit();
    if (rl && rl.remaining < 0) return { kind: 'rate_limited', headers: { ...rl.headers, 'retry-after': String(rl.reset) } };
    if (this.#faults.errorRatio > 0 && this.#clock.random() < this.#faults.errorRatio) return { kind: 'error', status: this.#faults.errorStatus };
    return rl ? { kind: 'ok', rateLimitHeaders: rl.headers } : { kind: 'ok' };
  }

  /** Counts this request in a fixed window; remaining < 0 means over the limit. */
  #rateLimit(): { remaining: number; reset: number; headers: Record<string, string> } | undefined {
    const r = this.#faults.rateLimit;
    if (!r) return undefined;
    const now = this.#clock.now();
    if (now - this.#windowStart >= r.windowSeconds) {
      this.#windowStart = now - ((now - this.#startedAt) % r.windowSeconds);
      this.#windowCount = 0;
    }
    this.#windowCount += 1;
    const remaining = r.limit - this.#windowCount;
    const reset = Math.max(1, Math.ceil(this.#windowStart + r.windowSeconds - now));
    return {
      remaining,
      reset,
      headers: { 'ratelimit-limit': String(r.limit), 'ratelimit-remaining': String(Math.max(0, remaining)), 'ratelimit-reset': String(reset) },
    };
  }
}
