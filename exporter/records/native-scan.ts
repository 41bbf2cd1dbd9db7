/**
 * A fast path for lines of the native format (HOOKWATCH_FORMAT without a
 * `map:`): one pass over the line that finds the mapped fields' values
 * (./map.ts `Fields`, what the preset's `extract` reads from the parsed
 * object), instead of `JSON.parse` building the whole object.
 *
 * Why: V8's `JSON.parse` internalizes short string values (up to 10
 * characters), so a short event id, new on every line, lands in the string
 * table and in old space: measured on the benchmark log (ids like
 * `evt_1a2b`), a counting thread's old space grew by ~23 MiB and V8's
 * malloced memory (the table) to ~32 MiB per million lines, until a full
 * GC; with ids of 20 characters, not at all. The values here are plain
 * slices of the line, which die young: peak RSS of the 1 M-line `--once`
 * ~140 → ~100 MiB. It is not faster than JSON.parse on its own (~1.2 against
 * ~0.75 µs a line, measured alone); with the GC work it saves, the whole run
 * took ~0.1 CPU s more per million lines (measured interleaved, under load).
 *
 * Exactly equivalent or nothing: the scanner handles a subset of JSON (an
 * object; strings without escapes; no control characters anywhere in the
 * line, so a CRLF line too goes the slow way) and answers undefined for anything else, which then goes through
 * `JSON.parse` as before. For what it answers, the native reader sees the
 * same values `JSON.parse` would give it: later duplicate keys win, other
 * keys are checked for syntax and skipped, an object or array value of a
 * field the reader checks by type is a stand-in object (the reader only
 * asks `typeof`), and `rate_limit` keeps its `limit` and `remaining`.
 * `test/unit/exporter/records/native-scan.property.test.ts` checks it
 * against the slow path.
 */
import type { Fields } from './map.js';

/** A fresh set of fields, every one absent (undefined, as a parsed object's missing key reads). */
function noFields(): Fields {
  return {
    ts: undefined, kind: undefined, event_id: undefined, event_type: undefined, endpoint: undefined, url: undefined,
    attempt: undefined, status: undefined, error: undefined, duration: undefined, created_at: undefined,
    queued_at: undefined, outcome: undefined, processing: undefined, rate_limit_limit: undefined, rate_limit_remaining: undefined,
  };
}

/** Stands for an object or array value of a field read only by type (never by content). */
const OPAQUE: object = Object.freeze({});

/** The keys kept, by slot (HOOKWATCH_FORMAT.paths); matched in place by length, then text (no slice). */
const TOP = ['ts', 'kind', 'event_id', 'event_type', 'endpoint', 'url', 'attempt', 'status', 'error', 'duration_ms', 'created_at', 'queued_at', 'outcome', 'processing_ms', 'rate_limit'] as const;
const RATE = ['limit', 'remaining'] as const;

function byLength(keys: readonly string[]): (readonly [string, number][] | undefined)[] {
  const out: [string, number][][] = [];
  keys.forEach((k, slot) => (out[k.length] ??= []).push([k, slot]));
  return out;
}
const TOP_BY_LEN = byLength(TOP);
const RATE_BY_LEN = byLength(RATE);

/** A backslash (an escape) or a control character (invalid in a string; outside one, only a space is taken as whitespace). */
const UNSUPPORTED_CHAR = /[\u0000-\u001f\\]/;
const QUOTE = 34;

/** Thrown when the line is outside the subset; the scan then answers undefined. */
const UNSUPPORTED = new Error('outside the native fast path');

// The scan's state: the line and the position (one scan at a time, synchronous).
let t = '';
let i = 0;

/** The native format's fields of `line`, as HOOKWATCH_FORMAT.extract reads them from JSON.parse's object, or undefined when only JSON.parse can tell. */
export function scanNative(line: string): Fields | undefined {
  if (UNSUPPORTED_CHAR.test(line)) return undefined;
  t = line;
  i = 0;
  try {
    ws();
    const out = noFields();
    topObject(out);
    ws();
    return i === line.length ? out : undefined;
  } catch {
    // UNSUPPORTED, or a nesting deeper than this recursion goes: JSON.parse decides.
    return undefined;
  } finally {
    t = '';
  }
}

function ws(): void {
  while (t.charCodeAt(i) === 32) i++;
}

function expect(c: number): void {
  if (t.charCodeAt(i) !== c) throw UNSUPPORTED;
  i++;
}

/** The slot of the key starting at `start` (length `len`), or −1. */
function slotOf(keys: readonly (readonly [string, number][] | undefined)[], start: number, len: number): number {
  const candidates = keys[len];
  if (candidates === undefined) return -1;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k] as [string, number];
    if (t.startsWith(c[0], start)) return c[1];
  }
  return -1;
}

/**
 * Reads `{…}`, calling `put` for each member whose key is in `keys`
 * (the value is read by the caller) and checking the syntax of the others.
 * Returns after the closing brace.
 */
function members(keys: readonly (readonly [string, number][] | undefined)[], put: ((slot: number) => void) | undefined): void {
  expect(123 /* { */);
  ws();
  if (t.charCodeAt(i) === 125 /* } */) {
    i++;
    return;
  }
  for (;;) {
    expect(QUOTE);
    const start = i;
    const end = t.indexOf('"', start);
    if (end === -1) throw UNSUPPORTED;
    i = end + 1;
    const slot = put === undefined ? -1 : slotOf(keys, start, end - start);
    ws();
    expect(58 /* : */);
    ws();
    if (slot < 0) skipValue();
    else put!(slot);
    ws();
    const c = t.charCodeAt(i++);
    if (c === 125 /* } */) return;
    if (c !== 44 /* , */) throw UNSUPPORTED;
    ws();
  }
}

let top: Fields = noFields();
// `rate_limit`'s two values while its object is read.
let limit: unknown;
let remaining: unknown;

function putTop(slot: number): void {
  const o = top;
  switch (slot) {
    case 0: o.ts = value(); return;
    case 1: o.kind = value(); return;
    case 2: o.event_id = value(); return;
    case 3: o.event_type = value(); return;
    case 4: o.endpoint = value(); return;
    case 5: o.url = value(); return;
    case 6: o.attempt = value(); return;
    case 7: o.status = value(); return;
    case 8: o.error = value(); return;
    case 9: o.duration = value(); return;
    case 10: o.created_at = value(); return;
    case 11: o.queued_at = value(); return;
    case 12: o.outcome = value(); return;
    case 13: o.processing = value(); return;
    default: rateLimit(o); return;
  }
}

function putRate(slot: number): void {
  if (slot === 0) limit = value();
  else remaining = value();
}

/** `"key":` per slot: a line written like the one before has its keys in the same order. */
const TOP_PATTERNS = TOP.map((k) => `"${k}":`);
/** The slots of the previous line's members, in order (−1: a key not kept). */
const lastOrder: number[] = [];

/**
 * The top-level object, as members() with putTop, except that each key is
 * first tried as the key at the same place in the previous line (one
 * startsWith of `"key":` instead of finding the quote and matching).
 */
function topObject(out: Fields): void {
  top = out;
  expect(123 /* { */);
  ws();
  if (t.charCodeAt(i) === 125 /* } */) {
    i++;
    return;
  }
  for (let m = 0; ; m++) {
    const guess = m < lastOrder.length ? (lastOrder[m] as number) : -1;
    let slot: number;
    if (guess >= 0 && t.startsWith(TOP_PATTERNS[guess] as string, i)) {
      slot = guess;
      i += (TOP_PATTERNS[guess] as string).length;
    } else {
      expect(QUOTE);
      const start = i;
      const end = t.indexOf('"', start);
      if (end === -1) throw UNSUPPORTED;
      i = end + 1;
      slot = slotOf(TOP_BY_LEN, start, end - start);
      ws();
      expect(58 /* : */);
    }
    lastOrder[m] = slot;
    ws();
    if (slot < 0) skipValue();
    else putTop(slot);
    ws();
    const c = t.charCodeAt(i++);
    if (c === 125 /* } */) {
      lastOrder.length = m + 1;
      return;
    }
    if (c !== 44 /* , */) throw UNSUPPORTED;
    ws();
  }
}

/**
 * `rate_limit`: an object gives its `limit` and `remaining` (a later
 * duplicate replaces it whole); any other value (an array included, whose
 * `.limit` reads undefined) gives neither.
 */
function rateLimit(o: Fields): void {
  limit = undefined;
  remaining = undefined;
  if (t.charCodeAt(i) === 123 /* { */) members(RATE_BY_LEN, putRate);
  else value();
  o.rate_limit_limit = limit;
  o.rate_limit_remaining = remaining;
}

/** One value kept: a string, number, boolean or null as JSON.parse gives it, a container as OPAQUE. */
function value(): unknown {
  const c = t.charCodeAt(i);
  if (c === QUOTE) {
    const start = i + 1;
    const end = t.indexOf('"', start);
    if (end === -1) throw UNSUPPORTED;
    i = end + 1;
    return t.slice(start, end);
  }
  if (c === 123 /* { */ || c === 91 /* [ */) {
    skipValue();
    return OPAQUE;
  }
  if (c === 116 /* t */ && t.startsWith('true', i)) { i += 4; return true; }
  if (c === 102 /* f */ && t.startsWith('false', i)) { i += 5; return false; }
  if (c === 110 /* n */ && t.startsWith('null', i)) { i += 4; return null; }
  return number(true);
}

/** One value, syntax only. */
function skipValue(): void {
  const c = t.charCodeAt(i);
  if (c === QUOTE) {
    const end = t.indexOf('"', i + 1);
    if (end === -1) throw UNSUPPORTED;
    i = end + 1;
  } else if (c === 123) members(TOP_BY_LEN, undefined);
  else if (c === 91) array();
  else if (c === 116 && t.startsWith('true', i)) i += 4;
  else if (c === 102 && t.startsWith('false', i)) i += 5;
  else if (c === 110 && t.startsWith('null', i)) i += 4;
  else number(false);
}

function array(): void {
  expect(91);
  ws();
  if (t.charCodeAt(i) === 93 /* ] */) {
    i++;
    return;
  }
  for (;;) {
    skipValue();
    ws();
    const c = t.charCodeAt(i++);
    if (c === 93) return;
    if (c !== 44) throw UNSUPPORTED;
    ws();
  }
}

/**
 * JSON's number grammar, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, read
 * as JSON.parse reads it: Number() of the text (correctly rounded), or for
 * an integer of at most 15 digits its exact value directly.
 */
function number(keep: boolean): number | undefined {
  const start = i;
  let j = i;
  const negative = t.charCodeAt(j) === 45; /* - */
  if (negative) j++;
  const first = t.charCodeAt(j);
  let int = 0;
  if (first === 48 /* 0 */) j++;
  else if (first >= 49 && first <= 57) {
    for (let c = first; c >= 48 && c <= 57; c = t.charCodeAt(++j)) int = int * 10 + (c - 48);
  } else throw UNSUPPORTED;
  let plain = j - start - (negative ? 1 : 0) <= 15;
  if (t.charCodeAt(j) === 46 /* . */) {
    plain = false;
    j++;
    if (!isDigit(t.charCodeAt(j))) throw UNSUPPORTED;
    while (isDigit(t.charCodeAt(j))) j++;
  }
  const e = t.charCodeAt(j);
  if (e === 101 || e === 69 /* e E */) {
    plain = false;
    j++;
    const sign = t.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (!isDigit(t.charCodeAt(j))) throw UNSUPPORTED;
    while (isDigit(t.charCodeAt(j))) j++;
  }
  i = j;
  if (!keep) return undefined;
  // -0 stays -0, as JSON.parse gives it.
  return plain ? (negative ? -int : int) : Number(t.slice(start, j));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
