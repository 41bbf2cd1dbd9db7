/**
 * Load-test results: counts by status code and by error kind, and every
 * response latency kept in one preallocated Float64Array so percentiles are
 * exact (not estimated from buckets) while memory stays bounded: at most
 * rate × duration ≤ 2000 × 600 = 1.2M samples, 9.6 MB.
 */
import type { RequestFailure } from '../../http/index.js';

/** Error kinds, the shared classification of `http/` (`classifyError`). */
export type ErrorKind = RequestFailure['result'];

/** What one send ended with. */
export type SendOutcome =
  | { readonly status: number; readonly latencySeconds: number }
  | { readonly error: ErrorKind; readonly latencySeconds: number; readonly detail: string };

/** Exact latency percentiles of the recorded responses, seconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Nearest-rank percentile of ascending `sorted` (the smallest sample with at
 * least p% of samples at or below it); undefined for no samples.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Collects outcomes of one run. */
export class LoadStats {
  readonly #latencies: Float64Array;
  #samples = 0;
  readonly #status = new Map<number, number>();
  readonly #errors = new Map<ErrorKind, number>();
  /** First detail seen per error kind, so a summary can say why. */
  readonly #details = new Map<ErrorKind, string>();

  /** `capacity`: the most responses the run can record (its planned sends). */
  constructor(capacity: number) {
    this.#latencies = new Float64Array(capacity);
  }

  /** Records one outcome. Throws past capacity: the runner never sends more than planned. */
  record(o: SendOutcome): void {
    if ('error' in o) {
      this.#errors.set(o.error, (this.#errors.get(o.error) ?? 0) + 1);
      if (!this.#details.has(o.error)) this.#details.set(o.error, o.detail);
      return;
    }
    if (this.#samples >= this.#latencies.length) throw new RangeError(`LoadStats capacity ${this.#latencies.length} exceeded`);
    this.#status.set(o.status, (this.#status.get(o.status) ?? 0) + 1);
    // Only responses get a latency: an error's "latency" is its timeout or
    // an instant refusal, and would drag the percentiles either way.
    this.#latencies[this.#samples++] = o.latencySeconds;
  }

  /** Outcomes recorded so far. */
  get completed(): number {
    let n = this.#samples;
    for (const c of this.#errors.values()) n += c;
    return n;
  }

  /** Outcomes that were not a 2xx response. */
  get failed(): number {
    let n = 0;
    for (const [code, c] of this.#status) if (code < 200 || code >= 300) n += c;
    for (const c of this.#errors.values()) n += c;
    return n;
  }

  /** Counts per status code, in code order. */
  statusCodes(): Record<string, number> {
    return Object.fromEntries([...this.#status].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v]));
  }

  /** Counts per error kind, in name order. */
  errorKinds(): Record<string, number> {
    return Object.fromEntries([...this.#errors].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** The first detail of each error kind. */
  errorDetails(): Record<string, string> {
    return Object.fromEntries(this.#details);
  }

  /** Exact percentiles; undefined when no response came back. */
  latency(): LatencySummary | undefined {
    // A sorted copy, so the recorder stays usable; typed arrays sort numerically.
    const sorted = this.#latencies.slice(0, this.#samples).sort();
    if (sorted.length === 0) return undefined;
    return {
      count: sorted.length,
      p50: percentile(sorted, 50)!,
      p95: percentile(sorted, 95)!,
      p99: percentile(sorted, 99)!,
      max: sorted[sorted.length - 1]!,
    };
  }
}
