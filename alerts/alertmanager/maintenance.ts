/**
 * Maintenance windows in alertmanager.yml: each window is a top-level
 * `time_intervals` entry (Alertmanager 0.25, with `location`), and each
 * affected endpoint gets a route, ahead of the override and severity
 * routes, that matches its `endpoint` label, mutes during its windows and
 * routes to the receivers it would reach anyway. Mute times are set on the
 * route and on every child, so the leaf an alert settles on is muted
 * whichever Alertmanager's inheritance rule is. Probes keep running and
 * alerts keep firing; only notifications stop, and only for those endpoints.
 */
import { LABEL } from '../../catalog/index.js';
import type { Config, TimeIntervalSpec } from '../../config/index.js';
import { anyOf, routesFor, severityRoutes, type Route } from './routes.js';

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const range = (name: (n: number) => string) => ([a, b]: readonly [number, number]) => (a === b ? name(a) : `${name(a)}:${name(b)}`);

/** Sorted day indices → Alertmanager weekday ranges (`monday:friday`). */
function weekdayRanges(days: readonly number[]): string[] {
  const out: [number, number][] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else out.push([d, d]);
  }
  return out.map(range((d) => WEEKDAY_NAMES[d]!));
}

function renderSpec(s: TimeIntervalSpec): Record<string, unknown> {
  return {
    ...(s.times ? { times: s.times.map((t) => ({ start_time: clock(t.startMinute), end_time: clock(t.endMinute) })) } : {}),
    ...(s.weekdays ? { weekdays: weekdayRanges(s.weekdays) } : {}),
    ...(s.daysOfMonth ? { days_of_month: s.daysOfMonth.map(range(String)) } : {}),
    ...(s.months ? { months: s.months.map(range((m) => MONTH_NAMES[m - 1]!)) } : {}),
    ...(s.years ? { years: s.years.map(range(String)) } : {}),
    location: s.location,
  };
}

/** The top-level `time_intervals`, one per window; empty without windows. */
export function timeIntervals(config: Config): Record<string, unknown>[] {
  return config.maintenance.map((w) => ({ name: w.interval, time_intervals: w.specs.map(renderSpec) }));
}

/** One muted route per set of endpoints sharing both their windows and their receivers. */
export function maintenanceRoutes(config: Config): Route[] {
  const groups = new Map<string, { endpoints: string[]; mute: readonly string[]; routes: Route[] }>();
  for (const e of config.endpoints) {
    const mute = config.maintenance.filter((w) => w.endpoints.includes(e.name)).map((w) => w.interval);
    if (mute.length === 0) continue;
    const routes = severityRoutes(routesFor(config, e.name)).map((r) => ({ ...r, mute_time_intervals: mute }));
    const key = JSON.stringify([mute, routes]);
    const g = groups.get(key) ?? { endpoints: [] as string[], mute, routes };
    g.endpoints.push(e.name);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ matchers: [anyOf(LABEL.endpoint, g.endpoints)], mute_time_intervals: g.mute, routes: g.routes }));
}
