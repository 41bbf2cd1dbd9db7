/**
 * When an endpoint is in maintenance, by the same time interval specs the
 * generated alertmanager.yml holds (config/normalize/maintenance.ts): an
 * instant is seen in each spec's location (Intl, IANA zones) and matches
 * when every field the spec gives matches, as in Alertmanager 0.25.
 * Used by the prober's `METRICS.maintenance` gauge and the status page.
 */
import type { MaintenanceWindow, TimeIntervalSpec } from '../config/index.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead a weekly window's current stretch is followed to find its end. */
const HORIZON = 8 * DAY;

interface Local { readonly year: number; readonly month: number; readonly day: number; readonly weekday: number; readonly minute: number }

const formats = new Map<string, Intl.DateTimeFormat>();
function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(zone, f);
  }
  return f;
}

/** Wall-clock time of `t` in `zone`, as if it were UTC (ms). */
function wallClock(t: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of format(zone).formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (t % 1000 + 1000) % 1000;
}

function local(t: number, zone: string): Local {
  const d = new Date(wallClock(t, zone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

/** The instant whose wall-clock time in `zone` is `wall` (ms as if UTC); the earlier one where the clock repeats. */
function instantOf(wall: number, zone: string): number {
  let t = wall - (wallClock(wall, zone) - wall);
  t = wall - (wallClock(t, zone) - t);
  return t;
}

const inRanges = (v: number, ranges: readonly (readonly [number, number])[] | undefined) => !ranges || ranges.some(([a, b]) => v >= a && v <= b);

/** Whether a local day is one of the spec's days (times aside). */
function dayMatches(s: TimeIntervalSpec, l: Omit<Local, 'minute'>): boolean {
  if (s.weekdays && !s.weekdays.includes(l.weekday)) return false;
  if (!inRanges(l.month, s.months) || !inRanges(l.year, s.years)) return false;
  if (s.daysOfMonth) {
    const last = new Date(Date.UTC(l.year, l.month, 0)).getUTCDate();
    const ok = s.daysOfMonth.some(([a, b]) => {
      const from = Math.max(1, a < 0 ? last + 1 + a : a);
      const to = Math.min(last, b < 0 ? last + 1 + b : b);
      return l.day >= from && l.day <= to;
    });
    if (!ok) return false;
  }
  return true;
}

export function specMatches(s: TimeIntervalSpec, t: number): boolean {
  const l = local(t, s.location);
  if (!dayMatches(s, l)) return false;
  return !s.times || s.times.some((r) => l.minute >= r.startMinute && l.minute < r.endMinute);
}

/** Whether `t` (Unix ms) is inside the window. */
export function windowActive(w: MaintenanceWindow, t: number): boolean {
  if (w.once) return t >= w.once.start && t < w.once.end;
  return w.specs.some((s) => specMatches(s, t));
}

export type Segment = readonly [number, number];

function merge(segs: Segment[]): Segment[] {
  const sorted = [...segs].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The stretches of [from, to) inside the window, merged. */
export function windowSegments(w: MaintenanceWindow, from: number, to: number): Segment[] {
  if (w.once) {
    const a = Math.max(from, w.once.start);
    const b = Math.min(to, w.once.end);
    return a < b ? [[a, b]] : [];
  }
  const segs: Segment[] = [];
  for (const s of w.specs) {
    // Local days from the day before `from` to the day after `to` (zone offsets are under a day).
    const first = Math.floor(wallClock(from, s.location) / DAY) - 1;
    const last = Math.floor(wallClock(to, s.location) / DAY) + 1;
    for (let day = first; day <= last; day++) {
      const d = new Date(day * DAY);
      if (!dayMatches(s, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() })) continue;
      for (const r of s.times ?? [{ startMinute: 0, endMinute: 1440 }]) {
        const a = Math.max(from, instantOf(day * DAY + r.startMinute * MINUTE, s.location));
        const b = Math.min(to, instantOf(day * DAY + r.endMinute * MINUTE, s.location));
        if (a < b) segs.push([a, b]);
      }
    }
  }
  return merge(segs);
}

/** The windows covering `endpoint`. */
export function windowsOf(windows: readonly MaintenanceWindow[], endpoint: string): MaintenanceWindow[] {
  return windows.filter((w) => w.endpoints.includes(endpoint));
}

export interface ActiveMaintenance {
  /** Names of the windows in force. */
  readonly windows: readonly string[];
  /** When the maintenance ends (Unix ms): the end of the merged stretch containing `t`. */
  readonly until: number;
}

/** The maintenance `endpoint` is in at `t`, or undefined. */
export function activeMaintenance(windows: readonly MaintenanceWindow[], endpoint: string, t: number): ActiveMaintenance | undefined {
  const mine = windowsOf(windows, endpoint);
  const active = mine.filter((w) => windowActive(w, t));
  if (active.length === 0) return undefined;
  const segs = merge(mine.flatMap((w) => windowSegments(w, t, t + HORIZON)));
  const current = segs.find(([a, b]) => a <= t && t < b);
  return { windows: active.map((w) => w.name), until: current ? current[1] : t };
}

/** Milliseconds of [from, to) that `endpoint` spent in maintenance (overlapping windows counted once). */
export function maintenanceMs(windows: readonly MaintenanceWindow[], endpoint: string, from: number, to: number): number {
  if (to <= from) return 0;
  return merge(windowsOf(windows, endpoint).flatMap((w) => windowSegments(w, from, to))).reduce((n, [a, b]) => n + (b - a), 0);
}
