/**
 * p50 and p95 latency over time for one endpoint, from its rings (every
 * check), for the page's chart. Probes are grouped into aligned time
 * buckets so a bucket's value does not move between refreshes. A bucket
 * is at least as wide as the time between probes, so consecutive probes
 * land in consecutive buckets and the line has no holes between them; it
 * grows with the span shown so the chart stays at ≤ MAX_POINTS.
 */
import type { LatencySeries } from './api-types.js';
import type { ProbeRing } from './ring.js';

/** Points per chart at most. */
export const MAX_POINTS = 60;
/** Bucket widths tried, seconds: the first ≥ the probe cadence that keeps ≤ MAX_POINTS wins. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Window of the headline p50/p95: recent, yet more than one bucket's handful of probes. */
export const SUMMARY_SECONDS = 300;

/** Nearest-rank quantile of ascending values (non-empty). */
export function quantile(sorted: readonly number[], q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * Latency series over the `windowSeconds` before `now`. Only probes that
 * measured the endpoint count: those with a response or a timeout; a
 * refused connection takes no time and would drag the percentiles down.
 * `cadenceSeconds`: how often the endpoint is probed (its most frequent check).
 */
export function latencySeries(rings: readonly ProbeRing[], now: number, windowSeconds: number, cadenceSeconds: number): LatencySeries {
  const since = now - windowSeconds;
  const samples: [number, number][] = [];
  for (const ring of rings) {
    for (let k = 0; k < ring.size && ring.timeAt(k) >= since; k++) {
      const e = ring.newest(k)!;
      if (e.status > 0 || e.result === 'timeout') samples.push([e.t, e.seconds]);
    }
  }
  const recent = samples.filter(([t]) => t >= now - SUMMARY_SECONDS).map(([, s]) => s).sort((x, y) => x - y);
  const summary = {
    p50: recent.length ? round(quantile(recent, 0.5)) : null,
    p95: recent.length ? round(quantile(recent, 0.95)) : null,
    probes: recent.length,
  };
  const fits = STEPS.filter((s) => s >= cadenceSeconds);
  const steps = fits.length ? fits : STEPS.slice(-1);
  if (!samples.length) return { t: [], p50: [], p95: [], bucketSeconds: steps[0]!, cadenceSeconds, recent: summary };
  let first = Infinity;
  let last = -Infinity;
  for (const [t] of samples) {
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const width = steps.find((s) => (last - first) / s < MAX_POINTS) ?? steps[steps.length - 1]!;
  const start = Math.floor(first / width) * width;
  const buckets: number[][] = Array.from({ length: Math.floor((last - start) / width) + 1 }, () => []);
  for (const [t, s] of samples) buckets[Math.floor((t - start) / width)]!.push(s);
  const out: LatencySeries = { t: [], p50: [], p95: [], bucketSeconds: width, cadenceSeconds, recent: summary };
  buckets.forEach((b, i) => {
    b.sort((x, y) => x - y);
    out.t.push(start + i * width);
    out.p50.push(b.length ? round(quantile(b, 0.5)) : null);
    out.p95.push(b.length ? round(quantile(b, 0.95)) : null);
  });
  return out;
}

/** Microsecond precision: the ring stores float32, whose tail digits are noise. */
export function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
