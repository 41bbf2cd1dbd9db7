/** The prober's metrics mode: per endpoint, and the duration buckets it implies. */
import { compactBuckets, FULL_DURATION_BUCKETS, type ProberMetricsMode } from '../../catalog/index.js';
import { ALERT_DEFAULTS, ENDPOINT_DEFAULTS } from '../defaults.js';
import type { RawConfig } from '../schema/root.js';

/**
 * Every latency threshold the config uses, sorted and distinct: each
 * endpoint's SLO p95 and the response-time limits (global and per endpoint).
 */
export function latencyThresholds(c: Pick<RawConfig, 'endpoints' | 'alerts'>): number[] {
  const global = c.alerts.response_time;
  const found = new Set<number>([
    global?.p95_seconds ?? ALERT_DEFAULTS.responseTime.p95Seconds,
    global?.fail_p95_seconds ?? ALERT_DEFAULTS.responseTime.failP95Seconds,
  ]);
  for (const e of c.endpoints) {
    found.add(e.slo.latency_p95_seconds ?? ENDPOINT_DEFAULTS.slo.latencyP95Seconds);
    if (e.alerts?.response_time?.p95_seconds !== undefined) found.add(e.alerts.response_time.p95_seconds);
    if (e.alerts?.response_time?.fail_p95_seconds !== undefined) found.add(e.alerts.response_time.fail_p95_seconds);
  }
  return [...found].sort((a, b) => a - b);
}

/** Buckets of `METRICS.probeDuration` for the prober's mode (the schema has checked that compact ones fit). */
export function durationBuckets(mode: ProberMetricsMode, c: Pick<RawConfig, 'endpoints' | 'alerts'>): readonly number[] {
  return mode === 'full' ? FULL_DURATION_BUCKETS : compactBuckets(latencyThresholds(c)) ?? FULL_DURATION_BUCKETS;
}
