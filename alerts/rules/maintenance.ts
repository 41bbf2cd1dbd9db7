/**
 * Error budgets without maintenance, for the SLOs that ask for it
 * (`slo.exclude_maintenance`). Counters cannot be filtered by time, so the
 * 5-minute failure and attempt rates are recorded only while the endpoint's
 * `METRICS.maintenance` (the prober's, max across probers) has been 0 for
 * the whole 5 minutes; a window's error ratio is then the sum of those
 * failure rates over the window divided by the sum of the attempt rates,
 * which leaves every maintenance sample out of both sides. A burn during
 * maintenance therefore never counts, during or after it, and the same burn
 * outside counts as usual.
 */
import { LABEL, METRICS, promql } from '../../catalog/index.js';
import type { Config } from '../../config/index.js';
import type { RecordingRule } from '../model.js';
import { SHORT_WINDOW, type SloWindow } from './recording.js';

const { aggregate, oneOf, rate, recordName, recorded, selector, sumBy } = promql;
const BY_ENDPOINT = [LABEL.endpoint] as const;
const OUTSIDE = `rate${SHORT_WINDOW}_outside_maintenance`;

export const MAINTENANCE_RECORDS = {
  failures: recordName(BY_ENDPOINT, METRICS.deliveryFailures, OUTSIDE),
  attempts: recordName(BY_ENDPOINT, METRICS.deliveries, OUTSIDE),
} as const;

/** The endpoints whose SLO leaves maintenance out. */
export function excludingEndpoints(config: Config): string[] {
  return config.endpoints.filter((e) => e.slo.excludeMaintenance).map((e) => e.name);
}

/** The two rates outside maintenance; none when no SLO excludes it. Evaluated ahead of the burn-rate alerts, in their group. */
export function maintenanceRecordingRules(config: Config): RecordingRule[] {
  const endpoints = excludingEndpoints(config);
  if (endpoints.length === 0) return [];
  const match = { endpoint: oneOf(endpoints) };
  const inMaintenance = `${aggregate('max', BY_ENDPOINT, `max_over_time(${selector(METRICS.maintenance, match)}[${SHORT_WINDOW}])`)} == 1`;
  const outside = (expr: string) => `${expr} unless on (${LABEL.endpoint}) (${inMaintenance})`;
  return [
    { record: MAINTENANCE_RECORDS.failures, expr: outside(sumBy(BY_ENDPOINT, rate(METRICS.deliveryFailures, match, SHORT_WINDOW))) },
    { record: MAINTENANCE_RECORDS.attempts, expr: outside(sumBy(BY_ENDPOINT, rate(METRICS.deliveries, match, SHORT_WINDOW))) },
  ];
}

/** The error ratio over `window` with maintenance left out, for endpoints of `match`. */
export function errorRatioOutsideMaintenance(window: SloWindow, match: Parameters<typeof recorded>[1]): string {
  const f = recorded(MAINTENANCE_RECORDS.failures, match);
  const a = recorded(MAINTENANCE_RECORDS.attempts, match);
  return window === SHORT_WINDOW ? `(${f} / ${a})` : `(sum_over_time(${f}[${window}]) / sum_over_time(${a}[${window}]))`;
}
