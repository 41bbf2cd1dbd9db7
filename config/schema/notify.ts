import { z } from 'zod';
import { durationSchema, filePathSchema, httpUrlSchema, nameSchema } from './common.js';

export const RECEIVER_KINDS = ['slack', 'pagerduty', 'email', 'opsgenie', 'webhook'] as const;
const receiverName = z.enum(RECEIVER_KINDS, { error: `one of ${RECEIVER_KINDS.join(', ')}` });

/**
 * Alertmanager 0.25 (the version hookwatch targets) has no webhook `url_file`
 * (it arrived in 0.26), so the URL is inline and any token goes in a file.
 */
const noUrlFile = z.undefined({ error: 'no url_file: Alertmanager 0.25 does not support it; use url, and credentials_file for a token' }).optional();

const routesSchema = z.strictObject({
  critical: z.array(receiverName).optional(),
  warning: z.array(receiverName).optional(),
  info: z.array(receiverName).optional(),
});

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
    api_url_file: filePathSchema,
    channel: z.string().min(1),
    send_resolved: z.boolean().default(true),
  }).optional(),
  pagerduty: z.strictObject({
    routing_key_file: filePathSchema,
    url: httpUrlSchema.optional(),
    send_resolved: z.boolean().default(true),
  }).optional(),
  email: z.strictObject({
    to: z.string().min(3),
    from: z.string().min(3),
    smarthost: z.string().regex(/^[^:]+:\d+$/, { error: 'host:port' }),
    auth_username: z.string().optional(),
    auth_password_file: filePathSchema.optional(),
    require_tls: z.boolean().default(true),
    send_resolved: z.boolean().default(true),
  }).optional(),
  opsgenie: z.strictObject({
    api_key_file: filePathSchema,
    api_url: httpUrlSchema.optional(),
    send_resolved: z.boolean().default(true),
  }).optional(),
  /** Generic webhook (MS Teams or chat bridges); a token goes in `credentials_file` (sent as a Bearer header). */
  webhook: z.strictObject({
    url: httpUrlSchema,
    url_file: noUrlFile,
    credentials_file: filePathSchema.optional(),
    max_alerts: z.number().int().nonnegative().optional(),
    send_resolved: z.boolean().default(true),
  }).optional(),
  /** Dead man's switch: Watchdog goes here every `repeat_interval` (default 1m). */
  heartbeat: z.strictObject({
    url: httpUrlSchema,
    url_file: noUrlFile,
    credentials_file: filePathSchema.optional(),
    repeat_interval: durationSchema.optional(),
  }).optional(),
  routes: routesSchema.optional(),
  /** Per-endpoint or per-team routing. */
  overrides: z.array(z.strictObject({
    endpoint: nameSchema.optional(),
    team: nameSchema.optional(),
    routes: routesSchema,
  })).default([]),
  group_wait: durationSchema.optional(),
  group_interval: durationSchema.optional(),
  repeat_interval: durationSchema.optional(),
  /** Alertmanager URL used by generated Prometheus configs. */
  alertmanager_url: httpUrlSchema.optional(),
});
