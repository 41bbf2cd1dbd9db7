/**
 * Recording rules, named `level:metric:operation`, and only those a rule
 * reads. The error-ratio windows are the ones the multi-window burn-rate
 * alerts read (Google SRE workbook, Sloth: 5m, 30m, 1h, 2h, 6h, 1d, 3d); the
 * p95 response time is the day-old baseline of the relative latency alert.
 * The expressions are the SLIs of `queries/`, which dashboards read too.
 *
 * Threshold alerts evaluate those SLIs inline rather than reading a record:
 * Prometheus evaluates rule groups independently, so an alert reading a
 * record from another group lags it by up to one interval (and promtool
 * orders groups at random), which would make `for` boundaries fuzzy.
 * Dashboards compute them too (see dashboards/matchers.ts), so nothing is
 * recorded only "for dashboards".
 */
import { LABEL, METRICS, promql } from '../../catalog/index.js';
import { failureRatio, responseTimeP95 } from '../../queries/index.js';
import type { RecordingRule, RuleGroup } from '../model.js';

const { recordName } = promql;
const BY_ENDPOINT = [LABEL.endpoint] as const;

/** Windows of the SLO error ratio, shortest first. */
export const SLO_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
export type SloWindow = (typeof SLO_WINDOWS)[number];

/** Window of the "now" signals (failure ratio, retry ratio, traffic, p95). */
export const SHORT_WINDOW = '5m';

/** Names of every recorded series, so alerts never spell them. */
export const RECORDS = {
  errorRatio: (w: SloWindow) => recordName(BY_ENDPOINT, METRICS.deliveryFailures, `ratio_rate${w}`),
  latencyP95: recordName(BY_ENDPOINT, METRICS.deliveryDuration, `p95_rate${SHORT_WINDOW}`),
} as const;

/**
 * The SLO error ratios. They are evaluated in the same group as the
 * burn-rate alerts (see slo.ts): rules of one group run in order at one
 * timestamp, so the alerts read this evaluation's ratios, not the last one's.
 */
export function sloRecordingRules(): RecordingRule[] {
  return SLO_WINDOWS.map((w) => ({ record: RECORDS.errorRatio(w), expr: failureRatio({}, w) }));
}

/** The p95 the relative latency alert reads a day later (`offset 1d`), so group order does not matter. */
export function recordingGroup(): RuleGroup<RecordingRule> {
  return {
    name: 'hookwatch.recording',
    rules: [{ record: RECORDS.latencyP95, expr: responseTimeP95({}, SHORT_WINDOW) }],
  };
}
