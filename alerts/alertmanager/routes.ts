/**
 * The routing tree: Watchdog to the heartbeat first (it must never reach a
 * human), the outage inhibitor to `null` (it only mutes), then per-endpoint
 * and per-team overrides, then the global severity routes. Alerts are
 * grouped by endpoint: an endpoint's alerts of one severity are one
 * notification (and one PagerDuty incident, whose dedup key is the group). A severity with several receivers becomes one route per
 * receiver with `continue: true` on all but the last, so `amtool config
 * routes test` shows every receiver an alert reaches.
 */
import { ALERT_LABELS, LABEL, SEVERITIES, type Severity } from '../../catalog/index.js';
import { duration, type Config } from '../../config/index.js';
import { INHIBITOR } from '../rules/inhibitors.js';
import { HEARTBEAT_RECEIVER, NULL_RECEIVER } from './receivers.js';
import { maintenanceRoutes } from './maintenance.js';

export type Route = Record<string, unknown>;
export type SeverityRoutes = Readonly<Record<Severity, readonly string[]>>;

/** Heartbeat services expect a ping every minute or so. */
const HEARTBEAT_REPEAT = duration(60);

/** Alertmanager matcher text. `.` in names becomes `[.]` so no backslash escaping is needed. */
export const matcher = (label: string, value: string): string => `${label}="${value}"`;
export function anyOf(label: string, values: readonly string[]): string {
  return values.length === 1 ? matcher(label, values[0]!) : `${label}=~"${values.map((v) => v.replace(/\./g, '[.]')).join('|')}"`;
}

export function severityRoutes(routes: SeverityRoutes): Route[] {
  return SEVERITIES.flatMap((sev) => {
    const list = routes[sev];
    const matchers = [matcher(ALERT_LABELS.severity, sev)];
    if (list.length === 0) return [{ receiver: NULL_RECEIVER, matchers }];
    return list.map((receiver, i) => ({ receiver, matchers, ...(i < list.length - 1 ? { continue: true } : {}) }));
  });
}

/** Each severity's receivers from the first layer that names them. */
function layered(...layers: Partial<Record<Severity, readonly string[] | undefined>>[]): SeverityRoutes {
  const pick = (sev: Severity) => layers.map((l) => l[sev]).find((r) => r !== undefined) ?? [];
  return { critical: pick('critical'), warning: pick('warning'), info: pick('info') };
}

/** The receivers of one endpoint's alerts: its own override, then its team's, then the global routes. */
export function routesFor(config: Config, endpoint: string): SeverityRoutes {
  const overrides = config.notify.overrides;
  const team = config.endpoints.find((e) => e.name === endpoint)?.team;
  const own = overrides.find((o) => o.endpoint === endpoint)?.routes ?? {};
  const teams = overrides.find((o) => team !== undefined && o.team === team)?.routes ?? {};
  return layered(own, teams, config.notify.resolvedRoutes);
}

/**
 * Endpoint overrides first (most specific), then team overrides. A severity an
 * override leaves out falls back to the endpoint's team override, then to the
 * global routes. A team without endpoints routes nothing.
 */
function overrideRoutes(config: Config): Route[] {
  const overrides = config.notify.overrides;
  const ordered = [...overrides].sort((a, b) => Number(a.endpoint === undefined) - Number(b.endpoint === undefined));
  return ordered.flatMap((o) => {
    const endpoints = o.endpoint !== undefined ? [o.endpoint] : config.endpoints.filter((e) => e.team === o.team).map((e) => e.name);
    if (endpoints.length === 0) return [];
    const merged = o.endpoint !== undefined ? routesFor(config, o.endpoint) : layered(o.routes, config.notify.resolvedRoutes);
    return [{ matchers: [anyOf(LABEL.endpoint, endpoints)], routes: severityRoutes(merged) }];
  });
}

export function routeTree(config: Config): Route {
  const n = config.notify;
  const fallback = n.resolvedRoutes.warning[0] ?? NULL_RECEIVER;
  return {
    receiver: fallback,
    group_by: [LABEL.endpoint],
    group_wait: n.groupWait.text,
    group_interval: n.groupInterval.text,
    repeat_interval: n.repeatInterval.text,
    routes: [
      {
        receiver: n.heartbeat ? HEARTBEAT_RECEIVER : NULL_RECEIVER,
        matchers: [matcher(ALERT_LABELS.alertname, 'Watchdog')],
        group_wait: '0s',
        group_interval: '1m',
        repeat_interval: (n.heartbeat?.repeat_interval ?? HEARTBEAT_REPEAT).text,
      },
      { receiver: NULL_RECEIVER, matchers: [matcher(ALERT_LABELS.alertname, INHIBITOR)] },
      ...maintenanceRoutes(config),
      ...overrideRoutes(config),
      ...severityRoutes(n.resolvedRoutes),
    ],
  };
}
