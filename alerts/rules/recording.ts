/**
 * Recording rules, named `level:metric:operation`. The error-ratio windows
 * are the ones the multi-window burn-rate alerts read (Google SRE workbook,
 * Sloth: 5m, 30m, 1h, 2h, 6h, 1d, 3d); the 5m ones also feed the
 * failure-rate, retry-rate and latency alerts.
 */
import { LABEL, METRICS, promql } from '../../catalog/index.js';
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

/** Failed attempts / all attempts, per endpoint, over `w`. */
function errorRatio(w: SloWindow): RecordingRule {
  return {
    record: RECORDS.errorRatio(w),
    expr: ratio(sumBy(BY_ENDPOINT, rate(METRICS.deliveryFailures, {}, w)), sumBy(BY_ENDPOINT, rate(METRICS.deliveries, {}, w))),
  };
}

export function recordingGroup(): RuleGroup<RecordingRule> {
  return {
    name: 'hookwatch.recording',
    rules: [
      ...SLO_WINDOWS.map(errorRatio),
      { record: RECORDS.attemptRate, expr: sumBy(BY_ENDPOINT, rate(METRICS.deliveries, {}, SHORT_WINDOW)) },
      {
        record: RECORDS.retryRatio,
        expr: ratio(sumBy(BY_ENDPOINT, rate(METRICS.deliveryRetries, {}, SHORT_WINDOW)), sumBy(BY_ENDPOINT, rate(METRICS.deliveries, {}, SHORT_WINDOW))),
      },
      { record: RECORDS.latencyP95, expr: histogramQuantile(0.95, METRICS.deliveryDuration, {}, SHORT_WINDOW, [LABEL.endpoint]) },
    ],
  };
}
