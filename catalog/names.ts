/**
 * Names shared by alerts, dashboards and routing: alert names (the
 * `alertname` label), severities and dashboard uids. Alerts link to
 * dashboards and dashboards link to runbooks, so both sides read them here.
 */
export const ALERT_NAMES = [
  'WebhookHighFailureRate',
  'WebhookEndpointDown',
  'WebhookResponseTimeDegraded',
  'WebhookDLQGrowing',
  'WebhookRateLimitApproaching',
  'WebhookErrorBudgetBurn',
  'WebhookSignatureRejected',
  'WebhookSignatureNotEnforced',
  'WebhookHighRetryRate',
  'WebhookTLSCertExpiring',
  'HookwatchProberAbsent',
  'HookwatchExporterAbsent',
  'HookwatchExporterStalled',
  'Watchdog',
  'WebhookOutageInhibitor',
] as const;
export type AlertName = (typeof ALERT_NAMES)[number];

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Label names alerts carry besides their metric labels; Alertmanager routes
 * and inhibits on them. `condition` tells apart two rules of one alert that
 * trigger on different signals (e.g. absolute vs relative latency).
 */
export const ALERT_LABELS = {
  alertname: 'alertname',
  severity: 'severity',
  condition: 'condition',
  /** On rules built from per-endpoint overrides: the endpoints they cover. */
  override: 'override',
  /** On SLO burn-rate alerts: the success-ratio objective. */
  slo: 'slo',
} as const;

/** Dashboard uids: stable, so links and bookmarks survive regeneration. */
export const DASHBOARDS = {
  overview: { uid: 'hookwatch-overview', title: 'Webhooks / Overview' },
  endpoint: { uid: 'hookwatch-endpoint', title: 'Webhooks / Endpoint' },
  synthetic: { uid: 'hookwatch-synthetic', title: 'Webhooks / Synthetic probes' },
  performance: { uid: 'hookwatch-performance', title: 'Webhooks / Performance' },
  self: { uid: 'hookwatch-self', title: 'hookwatch / Self' },
} as const;
export type DashboardKey = keyof typeof DASHBOARDS;

/** Prometheus job names of hookwatch's own components. */
export const JOBS = { prober: 'hookwatch-prober', exporter: 'hookwatch-exporter' } as const;

/**
 * Where runbooks are without `alerts.runbook_base_url`: their folder in the
 * hookwatch repository, as a relative path (`<Alert>.md` is appended).
 * hookwatch has no public URL to default to; set the base URL to where
 * your copy is browsable (a Git host, a wiki) for clickable links.
 */
export const DEFAULT_RUNBOOK_BASE = 'alerts/runbooks/';

export function runbookUrl(alert: AlertName, base: string = DEFAULT_RUNBOOK_BASE): string {
  return `${base.endsWith('/') ? base : `${base}/`}${alert}.md`;
}

/** A dashboard's path on a Grafana server (`/d/<uid>`), absolute when a Grafana URL is known. */
export function dashboardUrl(key: DashboardKey, grafanaUrl?: string): string {
  const path = `/d/${DASHBOARDS[key].uid}`;
  return grafanaUrl ? `${grafanaUrl.replace(/\/$/, '')}${path}` : path;
}
