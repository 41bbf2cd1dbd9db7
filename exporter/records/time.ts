/** Timestamp readers for the formats a mapping can declare. */
import { FieldError } from './record.js';

export type TimestampFormat = 'iso8601' | 'unix_s' | 'unix_ms';

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
  if (!ISO.test(value)) throw new FieldError('bad_timestamp');
  // Nanosecond fractions (Go, Convoy) are beyond Date's millisecond precision: trim them.
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  if (!Number.isFinite(ms)) throw new FieldError('bad_timestamp');
  return ms / 1000;
}

/** Like readTimestamp, but absent (undefined/null) gives undefined. */
export function optionalTimestamp(value: unknown, format: TimestampFormat = 'iso8601'): number | undefined {
  return value == null ? undefined : readTimestamp(value, format);
}
