/** Timestamp readers for the formats a mapping can declare. */
import type { TimestampFormat } from '../../config/index.js';
import { FieldError } from './record.js';

export type { TimestampFormat };

// RFC 3339 / ISO 8601 with a date, a time and an explicit zone; Date.parse
// alone accepts too much (e.g. "1", or local time without a zone).
const ISO = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/** Reads a timestamp as Unix seconds; throws FieldError(bad_timestamp) when it cannot. */
export function readTimestamp(value: unknown, format: TimestampFormat = 'iso8601'): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new FieldError('bad_timestamp');
    // A number in an ISO-format field is taken as Unix seconds or ms by magnitude.
    if (format === 'unix_ms' || (format === 'iso8601' && value > 1e11)) return value / 1000;
    return value;
  }
  if (typeof value !== 'string') throw new FieldError(value == null ? 'missing_field' : 'wrong_type');
  if (format !== 'iso8601') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new FieldError('bad_timestamp');
    return format === 'unix_ms' ? n / 1000 : n;
  }
  const fast = fastUtc(value);
  if (fast !== undefined) return fast;
  if (!ISO.test(value)) throw new FieldError('bad_timestamp');
  // Nanosecond fractions (Go, Convoy) are beyond Date's millisecond precision: trim them.
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  if (!Number.isFinite(ms)) throw new FieldError('bad_timestamp');
  return ms / 1000;
}

// Consecutive lines share `YYYY-MM-DDTHH:MM` prefixes (logs are written in
// time order, and a record's `created_at` is close to its `ts`): the
// prefix's digits are read into one number (no slice, no string compare),
// each minute is parsed once by Date.parse and cached under that number,
// the last two are kept in place, and only the seconds and fraction are
// read per line. Same result as Date.parse (whole ms).
const minutes = new Map<number, number>();
const MINUTE_CACHE_MAX = 4096;
let recentKey0 = -1;
let recentBase0 = 0;
let recentKey1 = -1;
let recentBase1 = 0;

/** The digit at `i` (0–9), or −1. */
function digit(v: string, i: number): number {
  const d = v.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** `YYYY-MM-DDTHH:MM` at the start of `v` as the number YYYYMMDDHHMM; −1 for any other shape. */
function minuteKey(v: string): number {
  if (v.charCodeAt(4) !== 45 /* - */ || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 /* T */ || v.charCodeAt(13) !== 58 /* : */) return -1;
  let key = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 7 || i === 10 || i === 13) continue;
    const d = digit(v, i);
    if (d < 0) return -1;
    key = key * 10 + d;
  }
  return key;
}

/** The minute's epoch ms (cached; remembered as the most recent); undefined when it is not one. */
function lookupMinute(v: string, key: number): number | undefined {
  let base = minutes.get(key);
  if (base === undefined) {
    base = Date.parse(`${v.slice(0, 16)}:00Z`);
    if (!Number.isFinite(base)) return undefined;
    if (minutes.size >= MINUTE_CACHE_MAX) minutes.clear();
    minutes.set(key, base);
  }
  recentKey1 = recentKey0;
  recentBase1 = recentBase0;
  recentKey0 = key;
  recentBase0 = base;
  return base;
}

/** `YYYY-MM-DDTHH:MM:SS[.fraction]Z` fast; undefined for any other shape (the general path decides). */
function fastUtc(v: string): number | undefined {
  const n = v.length;
  if (n < 20 || v.charCodeAt(n - 1) !== 90 /* Z */ || v.charCodeAt(16) !== 58 /* : */) return undefined;
  // Hour 24 (valid only as 24:00:00.000) is left to the general path.
  if (v.charCodeAt(11) > 50 /* 2 */ || (v.charCodeAt(11) === 50 && v.charCodeAt(12) > 51 /* 3 */)) return undefined;
  const s1 = v.charCodeAt(17) - 48;
  const s0 = v.charCodeAt(18) - 48;
  if (s1 < 0 || s1 > 5 || s0 < 0 || s0 > 9) return undefined;
  const key = minuteKey(v);
  if (key < 0) return undefined;
  let base: number | undefined;
  if (key === recentKey0) base = recentBase0;
  else if (key === recentKey1) base = recentBase1;
  else base = lookupMinute(v, key);
  if (base === undefined) return undefined;
  base += (s1 * 10 + s0) * 1000;
  if (n === 20) return base / 1000;
  if (v.charCodeAt(19) !== 46 /* . */ || n < 22 || n > 30) return undefined;
  let frac = 0;
  for (let i = 20; i < n - 1; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    if (i < 23) frac = frac * 10 + d;
  }
  // Pad to milliseconds: ".5" is 500 ms.
  for (let i = Math.min(n - 1, 23); i < 23; i++) frac *= 10;
  return (base + frac) / 1000;
}

/** Like readTimestamp, but absent (undefined/null) gives undefined. */
export function optionalTimestamp(value: unknown, format: TimestampFormat = 'iso8601'): number | undefined {
  return value == null ? undefined : readTimestamp(value, format);
}
