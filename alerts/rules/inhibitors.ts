/**
 * `WebhookOutageInhibitor`: an alert nobody is notified of (it is routed to
 * `null`), only there to mute an endpoint's symptom alerts in Alertmanager
 * while the outage is still in their windows. `WebhookEndpointDown` mutes
 * them while it fires; once it resolves, a failure ratio, a p95 or a DLQ
 * slope still holds the outage for its window, and without this alert it
 * would notify minutes after the recovery (an after-shock). It reads
 * Prometheus's own `ALERTS` series, so it follows `WebhookEndpointDown`
 * exactly, per-endpoint overrides included:
 *
 * - `condition="recently_down"` fires while the endpoint was down within the
 *   longest window of the failure-rate, retry, latency and DLQ alerts;
 * - `condition="budget"` fires while it was down within the longest short
 *   window of the burn-rate pairs (6h): the budget alerts' echo of the outage.
 *
 * The same pattern as kube-prometheus's `InfoInhibitor`.
 */
import { LABEL, promql, type AlertName } from '../../catalog/index.js';
import { duration, parseDuration, type Config } from '../../config/index.js';
import { alertRule } from '../annotate.js';
import type { AlertRule } from '../model.js';
import { DLQ_SLOPE_WINDOW } from './capacity.js';
import { SHORT_WINDOW } from './recording.js';
import { BURN_RATES } from './slo.js';

export const INHIBITOR: AlertName = 'WebhookOutageInhibitor';
const DOWN: AlertName = 'WebhookEndpointDown';
export const INHIBITOR_CONDITIONS = { symptoms: 'recently_down', budget: 'budget' } as const;

const seconds = (w: string) => parseDuration(w)!.seconds;

/** Lag between the last failing sample and the rules seeing it: one scrape and one evaluation. */
function lag(config: Config): number {
  return config.alerts.scrapeInterval.seconds + config.alerts.evaluationInterval.seconds;
}

/** How long after an outage the symptom alerts' windows still hold it (the longest window, plus lag). */
export function symptomMemory(config: Config): number {
  const failureWindows = [config.alerts.defaults, ...config.endpoints.map((e) => e.thresholds)].map((t) => t.failureRate.window.seconds);
  return Math.max(seconds(SHORT_WINDOW), seconds(DLQ_SLOPE_WINDOW), ...failureWindows) + lag(config);
}

/** How long the burn-rate alerts hold an outage: their longest short window (a pair fires only while both windows do), plus lag. */
export function budgetMemory(config: Config): number {
  return Math.max(...Object.values(BURN_RATES).flat().map((w) => seconds(w.short))) + lag(config);
}

export function inhibitorAlerts(config: Config): AlertRule[] {
  const rule = (condition: string, memory: number, what: string) => {
    const window = duration(memory).text;
    return alertRule(config, {
      alert: INHIBITOR,
      severity: 'info',
      condition,
      expr: promql.aggregate('max', [LABEL.endpoint], `max_over_time(${promql.firingAlerts([DOWN])}[${window}])`),
      summary: 'Mutes the symptom alerts of an endpoint that is or was just down (never notified).',
      description: `{{ $labels.endpoint }} was down within the last ${window}: its ${what} still hold the outage, so Alertmanager mutes them. Routed to no receiver.`,
      dashboard: 'synthetic',
    });
  };
  return [
    rule(INHIBITOR_CONDITIONS.symptoms, symptomMemory(config), 'failure-rate, retry, latency and DLQ windows'),
    rule(INHIBITOR_CONDITIONS.budget, budgetMemory(config), 'error-budget burn windows'),
  ];
}
