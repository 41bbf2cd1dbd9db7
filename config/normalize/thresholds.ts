/** Alert thresholds: the named defaults, then the global block, then an endpoint's overrides. */
import { ALERT_DEFAULTS } from '../defaults.js';
import type { ThresholdsInput } from '../schema/thresholds.js';
import type { Thresholds } from '../types.js';

export const DEFAULT_THRESHOLDS: Thresholds = {
  failureRate: ALERT_DEFAULTS.failureRate,
  endpointDown: ALERT_DEFAULTS.endpointDown,
  responseTime: ALERT_DEFAULTS.responseTime,
  dlq: ALERT_DEFAULTS.dlq,
  rateLimit: ALERT_DEFAULTS.rateLimit,
  retryRate: ALERT_DEFAULTS.retryRate,
  signature: ALERT_DEFAULTS.signature,
  tls: ALERT_DEFAULTS.tls,
};

/** `base` with every threshold `o` sets replaced. */
export function mergeThresholds(base: Thresholds, o: Partial<ThresholdsInput> = {}): Thresholds {
  return {
    failureRate: {
      threshold: o.failure_rate?.threshold ?? base.failureRate.threshold,
      for: o.failure_rate?.for ?? base.failureRate.for,
      window: o.failure_rate?.window ?? base.failureRate.window,
      minRatePerSecond: o.failure_rate?.min_rate_per_second ?? base.failureRate.minRatePerSecond,
    },
    endpointDown: {
      for: o.endpoint_down?.for ?? base.endpointDown.for,
      minRegions: o.endpoint_down?.min_regions ?? base.endpointDown.minRegions,
    },
    responseTime: {
      p95Seconds: o.response_time?.p95_seconds ?? base.responseTime.p95Seconds,
      failP95Seconds: o.response_time?.fail_p95_seconds ?? base.responseTime.failP95Seconds,
      degradationFactor: o.response_time?.degradation_factor ?? base.responseTime.degradationFactor,
      for: o.response_time?.for ?? base.responseTime.for,
    },
    dlq: {
      maxDepth: o.dlq?.max_depth ?? base.dlq.maxDepth,
      growthFor: o.dlq?.growth_for ?? base.dlq.growthFor,
    },
    rateLimit: {
      remainingRatio: o.rate_limit?.remaining_ratio ?? base.rateLimit.remainingRatio,
      for: o.rate_limit?.for ?? base.rateLimit.for,
    },
    retryRate: {
      threshold: o.retry_rate?.threshold ?? base.retryRate.threshold,
      for: o.retry_rate?.for ?? base.retryRate.for,
    },
    signature: { for: o.signature?.for ?? base.signature.for },
    tls: {
      warningDays: o.tls?.warning_days ?? base.tls.warningDays,
      criticalDays: o.tls?.critical_days ?? base.tls.criticalDays,
    },
  };
}
