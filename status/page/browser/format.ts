/**
 * The page's words for numbers and states: percentages, durations, spans,
 * clock times, and each state's label and icon. No DOM, so a unit test
 * runs it under Node.
 */
import type { MaintenanceStatus, State, Tick } from '../../api-types.js';

/** What a missing figure shows. */
export const NONE = '\u2014';
export const TEXT: Readonly<Record<State, string>> = { up: 'Up', degraded: 'Degraded', down: 'Down', unknown: 'Pending' };
export const ICON: Readonly<Record<State, string>> = { up: '\u2713', degraded: '!', down: '\u2715', unknown: '\u2026' };

/**
 * A ratio as a percentage, one rule for every figure on the page: all or
 * none is exactly `100%` or `0%`; anything else is rounded to two
 * decimals (1/6 is 16.67%) and kept within 0.01%…99.99%, so a rounded
 * figure never claims all or none (99.996% stays 99.99%).
 */
export function pct(r: number | null): string {
  if (r == null) return NONE;
  if (r >= 1) return '100%';
  if (r <= 0) return '0%';
  return (Math.min(9999, Math.max(1, Math.round(r * 10000))) / 100).toFixed(2) + '%';
}

export function fmtMs(ms: number | null): string {
  if (ms == null) return NONE;
  if (ms === 0) return '0 ms';
  if (ms < 10) return ms.toFixed(1) + ' ms';
  if (ms < 1000) return Math.round(ms) + ' ms';
  return (ms / 1000).toFixed(2) + ' s';
}

/** Seconds as a duration. */
export function dur(s: number | null): string {
  return s == null ? NONE : fmtMs(s * 1000);
}

/** A time span in its largest sensible unit. */
export function span(sec: number): string {
  if (sec >= 86400) return Math.round(sec / 86400) + ' d';
  if (sec >= 3600) return Math.round(sec / 360) / 10 + ' h';
  if (sec >= 60) return Math.round(sec / 60) + ' min';
  return Math.round(sec) + ' s';
}

/** Unix seconds as a local 24-hour clock time. */
export function clock(t: number): string {
  return new Date(t * 1000).toLocaleTimeString([], { hour12: false });
}

/** A probe's outcome in one word. */
export function verdict(k: Tick): 'ok' | 'slow' | 'failed' {
  return k.success ? (k.degraded ? 'slow' : 'ok') : 'failed';
}

/** A tick's class (colour and hatch). */
export function tickClass(k: Tick): 'ok' | 'slow' | 'fail' {
  const v = verdict(k);
  return v === 'failed' ? 'fail' : v;
}

/** A tick's accessible name. */
export function tickText(k: Tick): string {
  return clock(k.t) + ': ' + (k.success ? verdict(k) : 'failed (' + k.result + ')') +
    ', status ' + (k.status || 'none') + ', ' + dur(k.seconds) + (k.detail ? ', ' + k.detail : '');
}

/** When a maintenance ends: the clock time, with the date when it is not today. */
export function until(t: number, now: number): string {
  const end = new Date(t * 1000);
  const sameDay = end.toDateString() === new Date(now * 1000).toDateString();
  return sameDay ? clock(t) : end.toLocaleString([], { hour12: false, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** "Maintenance: 30 min of the last 24 h (2.08%), 10 min of the last hour (16.67%)"; empty when there was none. */
export function maintenanceShare(m: MaintenanceStatus): string {
  if (m.daySeconds <= 0 && m.hourSeconds <= 0) return '';
  const part = (s: number, w: number, label: string) => span(s) + ' of the last ' + label + ' (' + pct(s / w) + ')';
  return 'Maintenance: ' + part(m.daySeconds, 86400, '24 h') + ', ' + part(m.hourSeconds, 3600, 'hour') + '. Uptime counts every probe, in maintenance or not.';
}
