/**
 * Response time: p95 of real deliveries over an absolute limit (warning),
 * over the `fail` limit (critical), or over `degradation_factor` times the
 * same window one day earlier (warning). The relative rule catches an
 * endpoint that went from 50ms to 400ms long before any absolute limit.
 */
import { LABEL, promql } from '../../catalog/index.js';
import type { Config } from '../../config/index.js';
import { alertRule } from '../annotate.js';
import { num } from '../../output/index.js';
import { attemptRate, responseTimeP95 } from '../../queries/index.js';
import type { AlertRule } from '../model.js';
import { endpointMatch, scopes } from '../scope.js';
import { RECORDS, SHORT_WINDOW } from './recording.js';

const { recorded } = promql;
/** Baseline of the relative rule: the same window, one day earlier. */
export const BASELINE_OFFSET = '1d';

export function latencyAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => ({ ...t.responseTime, minRate: t.failureRate.minRatePerSecond })).flatMap((s) => {
    const p95 = responseTimeP95(endpointMatch(s), SHORT_WINDOW);
    // The baseline is a day old, so reading the record has no evaluation-order race.
    const baseline = `${recorded(RECORDS.latencyP95, endpointMatch(s))} offset ${BASELINE_OFFSET}`;
    const v = s.values;
    const absolute = (severity: 'warning' | 'critical', limit: number) => alertRule(config, {
      scope: s,
      alert: 'WebhookResponseTimeDegraded',
      severity,
      condition: 'absolute',
      expr: `${p95} > ${num(limit)}`,
      for: v.for,
      summary: 'Webhook responses are slow.',
      description: `p95 response time of {{ $labels.endpoint }} is {{ $value | humanizeDuration }} over the last ${SHORT_WINDOW} (${severity} above ${num(limit)}s).`,
      dashboard: 'performance',
    });
    const relative = alertRule(config, {
      scope: s,
      alert: 'WebhookResponseTimeDegraded',
      severity: 'warning',
      condition: 'relative',
      // Guarded by traffic: a p95 of three requests says nothing.
      expr: `${p95} > ${num(v.degradationFactor)} * ${baseline} and on (${LABEL.endpoint}) ${attemptRate(endpointMatch(s), SHORT_WINDOW)} >= ${num(v.minRate)}`,
      for: v.for,
      summary: 'Webhook responses are slow.',
      description: `p95 response time of {{ $labels.endpoint }} is {{ $value | humanizeDuration }}, more than ${num(v.degradationFactor)}x the same window ${BASELINE_OFFSET} ago.`,
      dashboard: 'performance',
    });
    return [absolute('warning', v.p95Seconds), absolute('critical', v.failP95Seconds), relative];
  });
}
