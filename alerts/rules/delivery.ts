/**
 * Real-traffic delivery alerts: failure ratio and retry ratio per endpoint,
 * from the exporter's counters. Both ignore endpoints with too little
 * traffic to judge (`failure_rate.min_rate_per_second`): one failure out of
 * three attempts is not a 33% outage.
 */
import { LABEL } from '../../catalog/index.js';
import type { Config } from '../../config/index.js';
import { alertRule } from '../annotate.js';
import { num, times } from '../../output/index.js';
import { attemptRate, failureRatio, retryRatio } from '../../queries/index.js';
import type { AlertRule } from '../model.js';
import { endpointMatch, scopes } from '../scope.js';
import { SHORT_WINDOW } from './recording.js';

/** `<signal> > threshold and on (endpoint) <attempts/s> >= min`. */
export function guarded(signal: string, threshold: number, minRate: number, match: ReturnType<typeof endpointMatch>, window = SHORT_WINDOW): string {
  return `${signal} > ${num(threshold)} and on (${LABEL.endpoint}) ${attemptRate(match, window)} >= ${num(minRate)}`;
}

export function failureRateAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => t.failureRate).map((s) => alertRule(config, {
    scope: s,
    alert: 'WebhookHighFailureRate',
    severity: 'warning',
    expr: guarded(failureRatio(endpointMatch(s), s.values.window.text), s.values.threshold, s.values.minRatePerSecond, endpointMatch(s), s.values.window.text),
    for: s.values.for,
    summary: 'Webhook deliveries are failing.',
    description: `{{ $value | humanizePercentage }} of delivery attempts to {{ $labels.endpoint }} failed over the last ${s.values.window.text} (threshold ${num(times(s.values.threshold, 100))}%).`,
    dashboard: 'endpoint',
  }));
}

export function retryRateAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => ({ ...t.retryRate, minRate: t.failureRate.minRatePerSecond })).map((s) => alertRule(config, {
    scope: s,
    alert: 'WebhookHighRetryRate',
    severity: 'warning',
    expr: guarded(retryRatio(endpointMatch(s), SHORT_WINDOW), s.values.threshold, s.values.minRate, endpointMatch(s)),
    for: s.values.for,
    summary: 'Webhook deliveries need many retries.',
    description: `{{ $value | humanizePercentage }} of delivery attempts to {{ $labels.endpoint }} over the last ${SHORT_WINDOW} were retries (threshold ${num(times(s.values.threshold, 100))}%).`,
    dashboard: 'endpoint',
  }));
}
