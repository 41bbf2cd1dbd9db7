/**
 * Alertmanager receivers from `notify:`. One receiver per kind, named after
 * it (`slack`, `pagerduty`, …) so routes read like the config, plus
 * `heartbeat` for the Watchdog and `null` for alerts nobody should get.
 * Secrets only ever appear as `*_file` paths.
 */
import type { Config } from '../../config/index.js';
import { TEMPLATES, use } from '../templates/hookwatch.js';

export const NULL_RECEIVER = 'null';
export const HEARTBEAT_RECEIVER = 'heartbeat';

type Notify = Config['notify'];
export type Receiver = { name: string } & Record<string, unknown>;

const bearer = (file: string | undefined) => (file ? { http_config: { authorization: { type: 'Bearer', credentials_file: file } } } : {});
const opt = <T>(key: string, v: T | undefined) => (v === undefined ? {} : { [key]: v });

function slack(n: NonNullable<Notify['slack']>): Receiver {
  return {
    name: 'slack',
    slack_configs: [{
      api_url_file: n.api_url_file,
      channel: n.channel,
      send_resolved: n.send_resolved,
      title: use(TEMPLATES.title),
      title_link: use(TEMPLATES.dashboard),
      text: use(TEMPLATES.text),
    }],
  };
}

/**
 * PagerDuty rejects an event whose link is not an absolute URL, so the
 * dashboard link is only sent when `grafana.url` makes it absolute, and the
 * runbook link when `alerts.runbook_base_url` does (the details keep both).
 */
function pagerduty(n: NonNullable<Notify['pagerduty']>, absolute: { dashboards: boolean; runbooks: boolean }): Receiver {
  const links = [
    ...(absolute.runbooks ? [{ href: use(TEMPLATES.runbook), text: 'Runbook' }] : []),
    ...(absolute.dashboards ? [{ href: use(TEMPLATES.dashboard), text: 'Dashboard' }] : []),
  ];
  return {
    name: 'pagerduty',
    pagerduty_configs: [{
      routing_key_file: n.routing_key_file,
      ...opt('url', n.url),
      send_resolved: n.send_resolved,
      severity: use(TEMPLATES.severity),
      description: use(TEMPLATES.title),
      details: {
        summary: '{{ .CommonAnnotations.summary }}',
        firing: use(TEMPLATES.text),
        runbook_url: use(TEMPLATES.runbook),
        dashboard_url: use(TEMPLATES.dashboard),
      },
      ...(links.length ? { links } : {}),
    }],
  };
}

function email(n: NonNullable<Notify['email']>): Receiver {
  return {
    name: 'email',
    email_configs: [{
      to: n.to,
      from: n.from,
      smarthost: n.smarthost,
      ...opt('auth_username', n.auth_username),
      ...opt('auth_password_file', n.auth_password_file),
      require_tls: n.require_tls,
      send_resolved: n.send_resolved,
      headers: { Subject: use(TEMPLATES.title) },
      text: use(TEMPLATES.text),
    }],
  };
}

function opsgenie(n: NonNullable<Notify['opsgenie']>): Receiver {
  return {
    name: 'opsgenie',
    opsgenie_configs: [{
      api_key_file: n.api_key_file,
      ...opt('api_url', n.api_url),
      send_resolved: n.send_resolved,
      message: use(TEMPLATES.title),
      description: use(TEMPLATES.text),
      priority: use(TEMPLATES.priority),
      details: { runbook_url: use(TEMPLATES.runbook), dashboard_url: use(TEMPLATES.dashboard) },
    }],
  };
}

function webhook(n: NonNullable<Notify['webhook']>): Receiver {
  return {
    name: 'webhook',
    webhook_configs: [{ url: n.url, send_resolved: n.send_resolved, ...opt('max_alerts', n.max_alerts), ...bearer(n.credentials_file) }],
  };
}

/** The Watchdog's target: resolved notifications make no sense for an always-firing alert. */
function heartbeat(n: NonNullable<Notify['heartbeat']>): Receiver {
  return { name: HEARTBEAT_RECEIVER, webhook_configs: [{ url: n.url, send_resolved: false, ...bearer(n.credentials_file) }] };
}

/** Every receiver the config defines, in a fixed order, then `null`. */
export function receivers(config: Config): Receiver[] {
  const n = config.notify;
  return [
    ...(n.slack ? [slack(n.slack)] : []),
    ...(n.pagerduty ? [pagerduty(n.pagerduty, { dashboards: config.grafana.url !== undefined, runbooks: config.alerts.runbookBaseUrl !== undefined })] : []),
    ...(n.email ? [email(n.email)] : []),
    ...(n.opsgenie ? [opsgenie(n.opsgenie)] : []),
    ...(n.webhook ? [webhook(n.webhook)] : []),
    ...(n.heartbeat ? [heartbeat(n.heartbeat)] : []),
    { name: NULL_RECEIVER },
  ];
}
