/**
 * Labels and annotations every alert carries: severity, summary,
 * description, runbook and dashboard links.
 */
import { ALERT_LABELS, LABEL, dashboardUrl, runbookUrl, type AlertName, type DashboardKey, type Severity } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { AlertRule, Annotations } from './model.js';
import type { Scope } from './scope.js';

export interface AlertSpec {
  readonly alert: AlertName;
  readonly severity: Severity;
  readonly expr: string;
  readonly for?: { readonly text: string; readonly seconds: number };
  /** Distinguishes two rules of one alert with the same severity. */
  readonly condition?: string;
  /** The override scope the rule was built for (adds the `override` label). */
  readonly scope?: Scope<unknown>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly description: string;
  readonly dashboard: DashboardKey;
}

/** Dashboards about hookwatch itself have no endpoint to select. */
const SELF: DashboardKey = 'self';

/**
 * Links point at the configured runbook base and Grafana (relative `/d/<uid>`
 * without a `grafana.url`). Endpoint dashboards open with the alert's
 * endpoint selected in their `$endpoint` variable.
 */
export function links(config: Config, alert: AlertName, dashboard: DashboardKey): Pick<Annotations, 'runbook_url' | 'dashboard_url'> {
  const base = dashboardUrl(dashboard, config.grafana.url);
  return {
    runbook_url: runbookUrl(alert, config.alerts.runbookBaseUrl),
    dashboard_url: dashboard === SELF ? base : `${base}?var-${LABEL.endpoint}={{ $labels.${LABEL.endpoint} }}`,
  };
}

/** Builds an alert rule; a zero `for` is left out, as Prometheus prints it. */
export function alertRule(config: Config, s: AlertSpec): AlertRule {
  const labels: Record<string, string> = { [ALERT_LABELS.severity]: s.severity };
  if (s.condition) labels[ALERT_LABELS.condition] = s.condition;
  // Rules of one alert differ only by scope; the label keeps them distinct (promtool's duplicate-rules lint).
  if (s.scope?.endpoints.length) labels[ALERT_LABELS.override] = s.scope.endpoints.join(',');
  Object.assign(labels, s.labels);
  return {
    alert: s.alert,
    expr: s.expr,
    ...(s.for && s.for.seconds > 0 ? { for: s.for.text } : {}),
    labels: labels as AlertRule['labels'],
    annotations: { summary: s.summary, description: s.description, ...links(config, s.alert, s.dashboard) },
  };
}
