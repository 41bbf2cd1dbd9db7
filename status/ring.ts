/**
 * A fixed-size ring of probe results for one endpoint and check.
 *
 * Columnar typed arrays rather than an array of outcome objects: one entry
 * costs ~45 bytes whatever the outcome held (headers, health bodies, rate
 * limits), so the status page's memory is `targets × capacity × 45 B` and
 * never grows with uptime. Only the fields the page shows are kept.
 */
import { PHASES, PROBE_RESULTS, type Phase, type ProbeResult } from '../catalog/index.js';
import type { ProbeOutcome } from '../prober/index.js';
import type { ProbeEntry } from './api-types.js';

/** Longest failure reason kept per entry; the rest is cut (the log has it all). */
export const MAX_DETAIL = 160;

/** One stored probe, as read back from the ring. */
export type RingEntry = ProbeEntry;

/** Bytes one entry costs: time 8, duration 4, phases 4 each, status 2, result 1, flags 1, reason slot 8. */
export const BYTES_PER_ENTRY = 8 + 4 + 4 * PHASES.length + 2 + 1 + 1 + 8;
/** What a ring costs besides its entries (its typed arrays' objects, the map entry and key), about. */
export const RING_OVERHEAD_BYTES = 1024;

const SUCCESS = 1;
const DEGRADED = 2;

export class ProbeRing {
  readonly capacity: number;
  #next = 0;
  #size = 0;
  readonly #t: Float64Array;
  readonly #seconds: Float32Array;
  /** PHASES.length values per entry; NaN when the phase did not happen. */
  readonly #phases: Float32Array;
  readonly #status: Uint16Array;
  readonly #result: Uint8Array;
  readonly #flags: Uint8Array;
  readonly #detail: string[];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`Invalid ring capacity ${capacity}. Must be a positive integer.`);
    this.capacity = capacity;
    this.#t = new Float64Array(capacity);
    this.#seconds = new Float32Array(capacity);
    this.#phases = new Float32Array(capacity * PHASES.length);
    this.#status = new Uint16Array(capacity);
    this.#result = new Uint8Array(capacity);
    this.#flags = new Uint8Array(capacity);
    this.#detail = new Array<string>(capacity).fill('');
  }

  /** Entries held (at most `capacity`). */
  get size(): number {
    return this.#size;
  }

  /** Stores an outcome, overwriting the oldest entry when full. */
  push(o: ProbeOutcome): void {
    const i = this.#next;
    this.#t[i] = o.startedAt;
    this.#seconds[i] = o.durationSeconds;
    PHASES.forEach((p, k) => { this.#phases[i * PHASES.length + k] = o.phases[p] ?? Number.NaN; });
    this.#status[i] = Math.max(0, Math.min(65535, o.status));
    this.#result[i] = Math.max(0, PROBE_RESULTS.indexOf(o.result));
    this.#flags[i] = (o.success ? SUCCESS : 0) | (o.degraded ? DEGRADED : 0);
    // A plain success needs no reason; failures keep a bounded one. An
    // outage repeats the same reason probe after probe: share the previous
    // entry's string instead of holding one copy per probe.
    const detail = o.success && !o.degraded ? '' : o.detail.slice(0, MAX_DETAIL);
    const previous = this.#detail[(i - 1 + this.capacity) % this.capacity]!;
    this.#detail[i] = detail === previous ? previous : detail && ownCopy(detail);
    this.#next = (i + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
  }

  /** The `k`-th newest entry (0 = newest), or undefined past the oldest. */
  newest(k = 0): RingEntry | undefined {
    if (k < 0 || k >= this.#size) return undefined;
    return this.#read((this.#next - 1 - k + this.capacity) % this.capacity);
  }

  /** The newest `n` entries, oldest first. */
  latest(n: number): RingEntry[] {
    const out: RingEntry[] = [];
    for (let k = Math.min(n, this.#size) - 1; k >= 0; k--) out.push(this.newest(k)!);
    return out;
  }

  /** Start time of the `k`-th newest entry without building an object (hot loops). */
  timeAt(k: number): number {
    return this.#t[(this.#next - 1 - k + this.capacity) % this.capacity]!;
  }

  /** Whether the `k`-th newest entry succeeded, without building an object. */
  successAt(k: number): boolean {
    return (this.#flags[(this.#next - 1 - k + this.capacity) % this.capacity]! & SUCCESS) !== 0;
  }

  /** A ring of another capacity holding the newest entries of this one. */
  resized(capacity: number): ProbeRing {
    const r = new ProbeRing(capacity);
    for (const e of this.latest(capacity)) {
      r.push({ endpoint: '', check: 'delivery', durationSeconds: e.seconds, startedAt: e.t, ...e });
    }
    return r;
  }

  #read(i: number): RingEntry {
    const phases: Partial<Record<Phase, number>> = {};
    PHASES.forEach((p, k) => {
      const v = this.#phases[i * PHASES.length + k]!;
      if (!Number.isNaN(v)) phases[p] = v;
    });
    const flags = this.#flags[i]!;
    return {
      t: this.#t[i]!,
      result: PROBE_RESULTS[this.#result[i]!] ?? 'success',
      success: (flags & SUCCESS) !== 0,
      degraded: (flags & DEGRADED) !== 0,
      status: this.#status[i]!,
      seconds: this.#seconds[i]!,
      phases,
      detail: this.#detail[i]!,
    };
  }
}

/**
 * A string that holds only its own characters. V8 makes `slice` results
 * and some concatenations views of their parent, so a 160-character reason
 * cut from a response body would keep the whole body alive in the ring.
 */
function ownCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
