/**
 * Recording rules, named `level:metric:operation`. The error-ratio windows
 * are the ones the multi-window burn-rate alerts read (Google SRE workbook,
 * Sloth: 5m, 30m, 1h, 2h, 6h, 1d, 3d); the 5m ones also feed the
 * failure-rate, retry-rate and latency alerts.
 */
import { LABEL, METRICS, promql } from '../../catalog/index.js';
import type { MatchValue } from '../../catalog/promql.js';
import type { RecordingRule, RuleGroup } from '../model.js';

const { histogramQuantile, rate, ratio, recordName, sumBy } = promql;
const BY_ENDPOINT = [LABEL.endpoint] as const;

/** Windows of the SLO error ratio, shortest first. */
export const SLO_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
export type SloWindow = (typeof SLO_WINDOWS)[number];

/** Window of the "now" signals (failure ratio, retry ratio, traffic, p95). */
export const SHORT_WINDOW = '5m';

/** Names of every recorded series, so alerts never spell them. */
export const RECORDS = {
  errorRatio: (w: SloWindow) => recordName(BY_ENDPOINT, METRICS.deliveryFailures, `ratio_rate${w}`),
  attemptRate: recordName(BY_ENDPOINT, METRICS.deliveries, `rate${SHORT_WINDOW}`),
  retryRatio: recordName(BY_ENDPOINT, METRICS.deliveryRetries, `ratio_rate${SHORT_WINDOW}`),
  latencyP95: recordName(BY_ENDPOINT, METRICS.deliveryDuration, `p95_rate${SHORT_WINDOW}`),
} as const;

type EndpointMatch = { endpoint?: MatchValue };

/**
 * The expressions behind the records, with an optional endpoint matcher.
 * Threshold alerts evaluate them inline rather than reading the records:
 * Prometheus evaluates rule groups independently, so an alert reading a
 * record from another group lags it by up to one interval (and promtool
 * orders groups at random), which would make `for` boundaries fuzzy.
 */
export const EXPRS = {
  errorRatio: (w: SloWindow | string, m: EndpointMatch = {}) =>
    ratio(sumBy(BY_ENDPOINT, rate(METRICS.deliveryFailures, m, w)), sumBy(BY_ENDPOINT, rate(METRICS.deliveries, m, w))),
  attemptRate: (m: EndpointMatch = {}, w: string = SHORT_WINDOW) => sumBy(BY_ENDPOINT, rate(METRICS.deliveries, m, w)),
  retryRatio: (m: EndpointMatch = {}) =>
    ratio(sumBy(BY_ENDPOINT, rate(METRICS.deliveryRetries, m, SHORT_WINDOW)), sumBy(BY_ENDPOINT, rate(METRICS.deliveries, m, SHORT_WINDOW))),
  latencyP95: (m: EndpointMatch = {}) => histogramQuantile(0.95, METRICS.deliveryDuration, m, SHORT_WINDOW, [LABEL.endpoint]),
};

/**
 * The SLO error ratios. They are evaluated in the same group as the
 * burn-rate alerts (see slo.ts): rules of one group run in order at one
 * timestamp, so the alerts read this evaluation's ratios, not the last one's.
 */
export function sloRecordingRules(): RecordingRule[] {
  return SLO_WINDOWS.map((w) => ({ record: RECORDS.errorRatio(w), expr: EXPRS.errorRatio(w) }));
}

/** Records for dashboards and for the day-old latency baseline. */
export function recordingGroup(): RuleGroup<RecordingRule> {
  return {
    name: 'hookwatch.recording',
    rules: [
      { record: RECORDS.attemptRate, expr: EXPRS.attemptRate() },
      { record: RECORDS.retryRatio, expr: EXPRS.retryRatio() },
      { record: RECORDS.latencyP95, expr: EXPRS.latencyP95() },
    ],
  };
}
