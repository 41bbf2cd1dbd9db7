import { z } from 'zod';
import { durationSchema, filePathSchema, httpUrlSchema, nameSchema } from './common.js';
import { NOTIFY_DEFAULTS } from '../defaults.js';

export const RECEIVER_KINDS = ['slack', 'pagerduty', 'email', 'opsgenie', 'webhook'] as const;
const receiverName = z.enum(RECEIVER_KINDS, { error: `one of ${RECEIVER_KINDS.join(', ')}` });

/**
 * Alertmanager 0.25 (the version hookwatch targets) has no webhook `url_file`
 * (it arrived in 0.26), so the URL is inline and any token goes in a file.
 */
const noUrlFile = z.undefined({ error: 'no url_file: Alertmanager 0.25 does not support it; use url, and credentials_file for a token' }).optional();

const routesSchema = z.strictObject({
  critical: z.array(receiverName).optional().describe('Receivers of critical alerts.'),
  warning: z.array(receiverName).optional().describe('Receivers of warnings.'),
  info: z.array(receiverName).optional().describe('Receivers of info alerts.'),
});

const sendResolved = z.boolean().default(true).describe('Also notify when the alert resolves.');

/**
 * Where alerts go. Secrets are only ever file paths: the generated
 * alertmanager.yml refers to them with `*_file` fields (relative paths are
 * made absolute against the config file's folder, as Alertmanager would
 * resolve them against its own folder, or not at all). Routes
 * name receivers by kind; an override's missing severities fall back to
 * its endpoint's team override, then to the global routes.
 *
 * ```yaml
 * notify:
 *   slack: { api_url_file: /run/secrets/slack_webhook_url, channel: "#webhooks" }
 *   pagerduty: { routing_key_file: /run/secrets/pagerduty_routing_key }
 *   email: { to: oncall@example.com, from: am@example.com, smarthost: "smtp.example.com:587", auth_password_file: /run/secrets/smtp }
 *   opsgenie: { api_key_file: /run/secrets/opsgenie_api_key }
 *   webhook: { url: "https://teams-bridge.example.com/hook", credentials_file: /run/secrets/bridge_token }
 *   heartbeat: { url: "https://hc-ping.example.com/hookwatch", repeat_interval: 1m }
 *   routes: { critical: [pagerduty, slack], warning: [slack], info: [] }
 *   overrides:
 *     - { team: crm, routes: { critical: [opsgenie] } }
 *     - { endpoint: payments-backup, routes: { warning: [email] } }
 * ```
 */
export const notifySchema = z.strictObject({
  slack: z.strictObject({
    api_url_file: filePathSchema.describe('A file holding the Slack incoming-webhook URL.'),
    channel: z.string().min(1).describe('The channel, `#webhooks`.'),
    send_resolved: sendResolved,
  }).optional(),
  pagerduty: z.strictObject({
    routing_key_file: filePathSchema.describe('A file holding the Events API v2 routing key.'),
    url: httpUrlSchema.optional().describe('Events API URL (Alertmanager\'s default when omitted).'),
    send_resolved: sendResolved,
  }).optional(),
  email: z.strictObject({
    to: z.string().min(3).describe('Recipient address.'),
    from: z.string().min(3).describe('Sender address.'),
    smarthost: z.string().regex(/^[^:]+:\d+$/, { error: 'host:port' }).describe('SMTP server, `host:port`.'),
    auth_username: z.string().optional().describe('SMTP user name.'),
    auth_password_file: filePathSchema.optional().describe('A file holding the SMTP password.'),
    require_tls: z.boolean().default(true).describe('Require STARTTLS.'),
    send_resolved: sendResolved,
  }).optional(),
  opsgenie: z.strictObject({
    api_key_file: filePathSchema.describe('A file holding the OpsGenie API key.'),
    api_url: httpUrlSchema.optional().describe('OpsGenie API URL (Alertmanager\'s default when omitted).'),
    send_resolved: sendResolved,
  }).optional(),
  /** Generic webhook (MS Teams or chat bridges); a token goes in `credentials_file` (sent as a Bearer header). */
  webhook: z.strictObject({
    url: httpUrlSchema.describe('Where alerts are POSTed (Alertmanager\'s webhook format).'),
    url_file: noUrlFile,
    credentials_file: filePathSchema.optional().describe('A file holding a token, sent as a Bearer header.'),
    max_alerts: z.number().int().nonnegative().optional().describe('Alerts per message; 0 is all.'),
    send_resolved: sendResolved,
  }).optional(),
  /** Dead man's switch: Watchdog goes here every `repeat_interval` (default 1m). */
  heartbeat: z.strictObject({
    url: httpUrlSchema.describe('The heartbeat URL (healthchecks.io, Dead Man\'s Snitch, …) the Watchdog alert goes to.'),
    url_file: noUrlFile,
    credentials_file: filePathSchema.optional().describe('A file holding a token, sent as a Bearer header.'),
    repeat_interval: durationSchema.optional().meta({ description: 'How often the Watchdog is sent.', default: '1m' }),
  }).optional().describe('Dead man\'s switch: the always-firing Watchdog goes here, so silence means the alerting path broke.'),
  routes: routesSchema.optional().meta({ description: 'Receivers per severity, by kind; a severity left out goes to its default receivers that are configured.', default: `critical: [${NOTIFY_DEFAULTS.routes.critical.join(', ')}], warning: [${NOTIFY_DEFAULTS.routes.warning.join(', ')}], info: []` }),
  overrides: z.array(z.strictObject({
    endpoint: nameSchema.optional().describe('A configured endpoint; exactly one of `endpoint` or `team`.'),
    team: nameSchema.optional().describe('An endpoint `team`.'),
    routes: routesSchema.describe('Severities to reroute; the others fall back to the team override, then to `routes`.'),
  })).default([]).describe('Per-endpoint or per-team routing.'),
  group_wait: durationSchema.optional().meta({ description: 'Alertmanager `group_wait`.', default: NOTIFY_DEFAULTS.groupWait.text }),
  group_interval: durationSchema.optional().meta({ description: 'Alertmanager `group_interval`.', default: NOTIFY_DEFAULTS.groupInterval.text }),
  repeat_interval: durationSchema.optional().meta({ description: 'Alertmanager `repeat_interval`.', default: NOTIFY_DEFAULTS.repeatInterval.text }),
  alertmanager_url: httpUrlSchema.optional().describe('Accepted but not read yet: the generated `prometheus.yml` sends to `alertmanager:9093` (compose) or to the stack\'s own Alertmanager.'),
});
