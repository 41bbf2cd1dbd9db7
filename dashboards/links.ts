/**
 * Links between the dashboards and from alert-related panels to runbooks.
 * URLs come from the catalog, so a renamed dashboard uid or runbook path
 * changes every link at once.
 */
import { DashboardLinkType, type DashboardLink } from '@grafana/grafana-foundation-sdk/dashboard';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { DASHBOARDS, dashboardUrl, runbookUrl, type AlertName, type DashboardKey } from '../catalog/index.js';
import type { Config } from '../config/index.js';

/**
 * A builder for an exact object. The SDK's link builder fills every field,
 * including `placement: inControlsMenu` (which hides links in a menu on newer
 * Grafana) and dashboard-link fields that mean nothing on a panel link.
 */
function exactly<T>(value: T): cog.Builder<T> {
  return { build: () => value };
}

/** One link per other dashboard, keeping the time range and variables. */
export function dashboardLinks(self: DashboardKey, config: Config): cog.Builder<DashboardLink>[] {
  return (Object.keys(DASHBOARDS) as DashboardKey[])
    .filter((k) => k !== self)
    .map((k) =>
      exactly<DashboardLink>({
        title: DASHBOARDS[k].title,
        type: DashboardLinkType.Link,
        url: dashboardUrl(k, config.grafana.url),
        icon: 'dashboard',
        tooltip: `Open ${DASHBOARDS[k].title}`,
        tags: [],
        asDropdown: false,
        targetBlank: false,
        includeVars: true,
        keepTime: true,
      }),
    );
}

/**
 * Runbook links (panel header links) for the alerts a panel explains, once
 * `alerts.runbook_base_url` is set: the default runbook path is relative to
 * the hookwatch repository, and would resolve against Grafana's own URL.
 */
export function runbookLinks(alerts: readonly AlertName[], config: Config): cog.Builder<DashboardLink>[] {
  if (config.alerts.runbookBaseUrl === undefined) return [];
  // Grafana's panel links are {title, url, targetBlank}; the SDK types them as dashboard links.
  return alerts.map((a) =>
    exactly({ title: `Runbook: ${a}`, url: runbookUrl(a, config.alerts.runbookBaseUrl), targetBlank: true } as DashboardLink),
  );
}
