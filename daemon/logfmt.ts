/**
 * One log record as text: logfmt the way the Prometheus tools write it
 * (go-logfmt's quoting), or one JSON object. Values are made plain first,
 * so a `Secret` prints as its mask and an `Error` as its message.
 */

/** A value as it goes on the line; `undefined` leaves the field out. */
export type Plain = string | number | boolean | null | undefined;

export function plain(v: unknown): Plain {
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return String(v);
  if (v instanceof Error) return v.message;
  if (v instanceof Date) return v.toISOString();
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return plain(toJSON.call(v));
  return JSON.stringify(v);
}

// go-logfmt quotes a value with a space or control character, `=`, `"`, or
// nothing in it; DEL and C1 controls are quoted too, so no value can move a
// terminal's cursor.
const NEEDS_QUOTES = /[\u0000-\u0020="\u007f-\u009f\u2028\u2029\ufffd]|[\ud800-\udfff]/;
const C1 = /[\u007f-\u009f\u2028\u2029]/g;

function logfmtValue(v: Exclude<Plain, undefined>): string {
  const s = String(v);
  if (s !== '' && !NEEDS_QUOTES.test(s)) return s;
  // JSON string escaping is logfmt's: \" \\ \n \r \t \u00XX.
  return JSON.stringify(s).replace(C1, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Keys cannot be quoted: characters that would break the pair become `_`. */
function logfmtKey(k: string): string {
  return k.replace(/[\u0000-\u0020="\u007f-\u009f]/g, '_') || '_';
}

export type Field = readonly [key: string, value: unknown];

export function logfmt(fields: readonly Field[]): string {
  const out: string[] = [];
  for (const [k, raw] of fields) {
    const v = plain(raw);
    if (v !== undefined) out.push(`${logfmtKey(k)}=${logfmtValue(v)}`);
  }
  return out.join(' ');
}

export function json(fields: readonly Field[]): string {
  const out: Record<string, Plain> = {};
  for (const [k, raw] of fields) {
    const v = plain(raw);
    if (v !== undefined) out[k] = v;
  }
  return JSON.stringify(out);
}
