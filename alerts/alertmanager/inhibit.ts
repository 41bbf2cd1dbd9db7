/**
 * Inhibition: a down endpoint mutes its own failure-rate and latency alerts
 * (they are consequences, not news), and a critical alert mutes the warning
 * of the same alert on the same endpoint.
 */
import { ALERT_LABELS, LABEL, type AlertName } from '../../catalog/index.js';
import { anyOf, matcher } from './routes.js';

const DOWN: AlertName = 'WebhookEndpointDown';
const CONSEQUENCES: readonly AlertName[] = ['WebhookHighFailureRate', 'WebhookResponseTimeDegraded'];

export function inhibitRules(): Record<string, unknown>[] {
  return [
    {
      // endpoint=~".+": an `equal` label missing on both sides counts as equal, which would mute every endpoint.
      source_matchers: [matcher(ALERT_LABELS.alertname, DOWN), `${LABEL.endpoint}=~".+"`],
      target_matchers: [anyOf(ALERT_LABELS.alertname, CONSEQUENCES)],
      equal: [LABEL.endpoint],
    },
    {
      source_matchers: [matcher(ALERT_LABELS.severity, 'critical')],
      target_matchers: [matcher(ALERT_LABELS.severity, 'warning')],
      equal: [ALERT_LABELS.alertname, LABEL.endpoint],
    },
  ];
}
