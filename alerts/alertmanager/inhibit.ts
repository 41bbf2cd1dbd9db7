/**
 * Inhibition, so that one outage notifies once:
 * 1. a down endpoint mutes its symptom alerts (failure rate, retries,
 *    latency, DLQ growth, error-budget burn): they are consequences, not news;
 * 2. after it recovers, `WebhookOutageInhibitor` keeps muting them for as
 *    long as their windows still hold the outage (see rules/inhibitors.ts),
 *    so no warning arrives minutes after the recovery;
 * 3. a critical alert mutes the warning of the same alert on the same endpoint.
 */
import { ALERT_LABELS, LABEL, type AlertName } from '../../catalog/index.js';
import { INHIBITOR, INHIBITOR_CONDITIONS } from '../rules/inhibitors.js';
import { anyOf, matcher } from './routes.js';

const DOWN: AlertName = 'WebhookEndpointDown';
const BUDGET: AlertName = 'WebhookErrorBudgetBurn';
/** Alerts whose windows are minutes long: what `condition="recently_down"` mutes. */
const SYMPTOMS: readonly AlertName[] = ['WebhookHighFailureRate', 'WebhookHighRetryRate', 'WebhookResponseTimeDegraded', 'WebhookDLQGrowing'];

// endpoint=~".+": an `equal` label missing on both sides counts as equal, which would mute every endpoint.
const SOME_ENDPOINT = `${LABEL.endpoint}=~".+"`;

function mute(source: string[], targets: readonly AlertName[]): Record<string, unknown> {
  return { source_matchers: [...source, SOME_ENDPOINT], target_matchers: [anyOf(ALERT_LABELS.alertname, targets)], equal: [LABEL.endpoint] };
}

export function inhibitRules(): Record<string, unknown>[] {
  const inhibitor = (condition: string) => [matcher(ALERT_LABELS.alertname, INHIBITOR), matcher(ALERT_LABELS.condition, condition)];
  return [
    mute([matcher(ALERT_LABELS.alertname, DOWN)], [...SYMPTOMS, BUDGET]),
    mute(inhibitor(INHIBITOR_CONDITIONS.symptoms), SYMPTOMS),
    mute(inhibitor(INHIBITOR_CONDITIONS.budget), [BUDGET]),
    {
      source_matchers: [matcher(ALERT_LABELS.severity, 'critical')],
      target_matchers: [matcher(ALERT_LABELS.severity, 'warning')],
      equal: [ALERT_LABELS.alertname, LABEL.endpoint],
    },
  ];
}
