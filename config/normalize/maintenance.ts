/**
 * Maintenance windows → Alertmanager 0.25 time interval specs, the one model
 * that Alertmanager, the prober and the status page all read.
 *
 * A weekly entry is one spec, two when its times cross midnight (22:00–02:00
 * is 22:00–24:00 on the days named and 00:00–02:00 on the days after).
 * A one-off window is cut at UTC midnights: a partial first day (its
 * `times`), whole days (one `days_of_month` range per month), a partial last
 * day; every spec names its year and month, so it matches exactly once.
 */
import { MAINTENANCE_DEFAULTS } from '../defaults.js';
import { parseClock, parseWeekdays, type MaintenanceInput } from '../schema/maintenance.js';
import type { MaintenanceWindow, TimeIntervalSpec } from '../types.js';

const DAY_MS = 86_400_000;
const UTC = 'UTC';

export function normalizeMaintenance(raw: readonly MaintenanceInput[], allEndpoints: readonly string[]): MaintenanceWindow[] {
  return raw.map((w) => ({
    name: w.name,
    interval: `${MAINTENANCE_DEFAULTS.intervalPrefix}${w.name}`,
    endpoints: w.endpoints ? [...new Set(w.endpoints)] : [...allEndpoints],
    timeZone: w.time_zone,
    ...(w.start !== undefined && w.end !== undefined
      ? { once: { start: w.start, end: w.end }, specs: oneOffSpecs(w.start, w.end) }
      : { specs: (w.weekly ?? []).flatMap((e) => weeklySpecs(e, w.time_zone)) }),
  }));
}

type Weekly = NonNullable<MaintenanceInput['weekly']>[number];

function weeklySpecs(e: Weekly, location: string): TimeIntervalSpec[] {
  const days = [...new Set(e.weekdays.flatMap((d) => parseWeekdays(d) ?? []))].sort((a, b) => a - b);
  if (!e.times) return [{ weekdays: days, location }];
  const start = parseClock(e.times.start)!;
  const end = parseClock(e.times.end)!;
  if (start < end) return [{ weekdays: days, times: [{ startMinute: start, endMinute: end }], location }];
  const next = [...new Set(days.map((d) => (d + 1) % 7))].sort((a, b) => a - b);
  return [
    ...(start < 1440 ? [{ weekdays: days, times: [{ startMinute: start, endMinute: 1440 }], location }] : []),
    ...(end > 0 ? [{ weekdays: next, times: [{ startMinute: 0, endMinute: end }], location }] : []),
  ];
}

/** One UTC day (its year, month and day) and, when partial, its minutes. */
function daySpec(dayIndex: number, startMinute: number, endMinute: number): TimeIntervalSpec {
  const d = new Date(dayIndex * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dom = d.getUTCDate();
  return {
    ...(startMinute === 0 && endMinute === 1440 ? {} : { times: [{ startMinute, endMinute }] }),
    daysOfMonth: [[dom, dom]],
    months: [[m, m]],
    years: [[y, y]],
    location: UTC,
  };
}

/** Whole UTC days [first, last], one spec per calendar month. */
function wholeDays(first: number, last: number): TimeIntervalSpec[] {
  const out: TimeIntervalSpec[] = [];
  let day = first;
  while (day <= last) {
    const d = new Date(day * DAY_MS);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const monthEnd = Math.floor(Date.UTC(y, m + 1, 1) / DAY_MS) - 1;
    const to = Math.min(last, monthEnd);
    out.push({ daysOfMonth: [[d.getUTCDate(), new Date(to * DAY_MS).getUTCDate()]], months: [[m + 1, m + 1]], years: [[y, y]], location: UTC });
    day = to + 1;
  }
  return out;
}

/** [start, end) (Unix ms on whole minutes) as UTC specs. */
export function oneOffSpecs(start: number, end: number): TimeIntervalSpec[] {
  const sDay = Math.floor(start / DAY_MS);
  const sMin = (start - sDay * DAY_MS) / 60_000;
  let eDay = Math.floor(end / DAY_MS);
  let eMin = (end - eDay * DAY_MS) / 60_000;
  if (eMin === 0) { eDay -= 1; eMin = 1440; }
  if (sDay === eDay) return [daySpec(sDay, sMin, eMin)];
  const firstWhole = sMin === 0 ? sDay : sDay + 1;
  const lastWhole = eMin === 1440 ? eDay : eDay - 1;
  return [
    ...(sMin > 0 ? [daySpec(sDay, sMin, 1440)] : []),
    ...(firstWhole <= lastWhole ? wholeDays(firstWhole, lastWhole) : []),
    ...(eMin < 1440 ? [daySpec(eDay, 0, eMin)] : []),
  ];
}
