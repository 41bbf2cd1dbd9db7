/**
 * The prober's metrics modes and which series each one exposes per
 * endpoint and check. `full` is every histogram and every result counter;
 * `compact` keeps the series that make hookwatch better than a blackbox
 * probe (exact probe counts, the duration histogram) with few buckets, and
 * the phases of the last probe as gauges, at most `COMPACT_SERIES_LIMIT`
 * series per endpoint and check. Dashboards and alerts read only the series
 * of the mode they are built for.
 */
import type { ProbeResult } from './labels.js';
import { METRICS, REQUEST_BUCKETS } from './metrics.js';
import type { MetricDef } from './types.js';

export const PROBER_METRICS_MODES = ['full', 'compact'] as const;
export type ProberMetricsMode = (typeof PROBER_METRICS_MODES)[number];

/** The most series one endpoint and check may have in compact mode. */
export const COMPACT_SERIES_LIMIT = 25;

/**
 * Results `webhook_probes_total` counts in compact mode: successes (total
 * probes are the duration histogram's `_count`) and the one failure class a
 * rule reads (`WebhookSignatureRejected`). The other classes are the last
 * probe's only, on the status page.
 */
export const COMPACT_PROBE_RESULTS = ['success', 'rejected_signature'] as const satisfies readonly ProbeResult[];

/** Finite buckets of the compact duration histogram: with +Inf, sum and count, 9 series. */
export const COMPACT_MAX_BUCKETS = 6;

/** Buckets added, in this order, when the config's thresholds leave room. */
const COMPACT_FILL_BUCKETS = [0.25, 1, 10, 0.1, 0.5, 2.5, 5, 0.05] as const;

/**
 * The compact duration buckets: every latency threshold the config uses (so
 * "slower than the threshold" is exact, not interpolated), then fill
 * buckets up to `COMPACT_MAX_BUCKETS`. Returns undefined when the
 * thresholds alone are more than that.
 */
export function compactBuckets(thresholds: readonly number[]): number[] | undefined {
  const set = new Set(thresholds);
  if (set.size > COMPACT_MAX_BUCKETS) return undefined;
  for (const b of COMPACT_FILL_BUCKETS) if (set.size < COMPACT_MAX_BUCKETS) set.add(b);
  return [...set].sort((a, b) => a - b);
}

/** The duration histogram's buckets in full mode. */
export const FULL_DURATION_BUCKETS: readonly number[] = REQUEST_BUCKETS;

/** The families only one mode exposes per endpoint and check; an endpoint opted into full in a compact prober has both. */
const ONLY_IN: Readonly<Record<ProberMetricsMode, readonly MetricDef[]>> = {
  full: [METRICS.probePhase, METRICS.proberScheduleDrift],
  compact: [METRICS.probeLastPhase, METRICS.proberLastDrift],
};

/** Whether a prober in `mode` exposes `m` for every endpoint: what dashboards and rules built for the mode may read. */
export function exposedIn(mode: ProberMetricsMode, m: MetricDef): boolean {
  return !ONLY_IN[mode === 'full' ? 'compact' : 'full'].includes(m);
}
