/**
 * The native format's fast path (exporter/records/native-scan.ts) against
 * the slow one (JSON.parse, then the same reader): for every line, the
 * parse result is the same, to the record field (strict equality: -0 is
 * not 0, an absent field is not an undefined one). Lines come from
 * records of almost the right shape, then edited at random (spaces,
 * duplicate keys, escapes, control characters, cuts, stray characters),
 * so both sides of the fast path's subset are exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMapping } from '../../../../exporter/records/map.js';
import { scanNative } from '../../../../exporter/records/native-scan.js';
import { parseLine, readerFor } from '../../../../exporter/records/parse.js';
import { HOOKWATCH_FORMAT } from '../../../../exporter/records/presets.js';

const fast = readerFor({ format: 'hookwatch' });
const slow = compileMapping(HOOKWATCH_FORMAT);

const text = fc.oneof(fc.string(), fc.constantFrom('', 'attempt', 'dlq', 'processed', 'delivered', 'retrying', 'ok', '2026-11-28T10:00:00.5Z', 'https://a.example/h', 'a'));
const num = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e21, 123456789012345678, 0.1, 5e-324));
const field = fc.oneof(text, num, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
const recordish = fc.record({
  ts: fc.oneof(fc.constantFrom('2026-11-28T10:00:00Z', '2026-11-28T10:00:00.123Z', '2026-02-30T10:00:00Z'), field),
  kind: fc.oneof(fc.constantFrom('attempt', 'dlq', 'dlq_replay', 'processed', 'x'), field),
  event_id: fc.oneof(fc.constantFrom('e1', 'evt_1'), field),
  event_type: fc.oneof(fc.constant('payment.received'), field),
  endpoint: fc.oneof(fc.constant('a'), field),
  url: fc.oneof(fc.webUrl(), field),
  attempt: field,
  status: fc.oneof(fc.constantFrom(200, 503, 429, 'ok', 'failed'), field),
  error: field,
  duration_ms: field,
  created_at: field,
  queued_at: field,
  outcome: fc.oneof(fc.constantFrom('delivered', 'dead_lettered', 'retrying', 'failed'), field),
  processing_ms: field,
  rate_limit: fc.oneof(fc.record({ limit: field, remaining: field }, { requiredKeys: [] }), field),
  other: field,
}, { requiredKeys: [] });

/** Random edits of a JSON text, inside and outside the fast path's subset. */
const edit = fc.oneof(
  fc.record({ at: fc.nat(), op: fc.constantFrom(' ', '\t', '\r', '\n', '\\', '"', ',', ':', '{', '}', '[', ']', '0', '-', 'e', '\u0000', '\u00e9', 'x') }),
  fc.record({ at: fc.nat(), cut: fc.constant(true) }),
  fc.record({ dup: fc.constantFrom('ts', 'kind', 'event_id', 'endpoint', 'status', 'rate_limit', 'duration_ms', '__proto__'), value: fc.jsonValue({ maxDepth: 2 }) }),
);

function apply(line: string, e: { at?: number; op?: string; cut?: boolean; dup?: string; value?: unknown }): string {
  if (e.dup !== undefined) {
    const end = line.lastIndexOf('}');
    if (end <= 0) return line;
    return `${line.slice(0, end)}${line.length > 2 ? ',' : ''}${JSON.stringify(e.dup)}:${JSON.stringify(e.value ?? null)}${line.slice(end)}`;
  }
  const at = (e.at ?? 0) % (line.length + 1);
  if (e.cut) return line.slice(0, at);
  return `${line.slice(0, at)}${e.op}${line.slice(at)}`;
}

const spaced = (o: unknown) => JSON.stringify(o).replace(/([:,])/g, '$1 ');

describe('the native fast path equals JSON.parse and the reader', () => {
  it('on records of almost the right shape, written as JSON.stringify does or spaced', () => {
    fc.assert(fc.property(recordish, fc.boolean(), (o, space) => {
      const line = space ? spaced(o) : JSON.stringify(o);
      expect(parseLine(line, fast)).toStrictEqual(parseLine(line, slow));
    }), { numRuns: 1000 });
  });

  it('on those lines edited at random (inside and outside the subset)', () => {
    fc.assert(fc.property(recordish, fc.array(edit, { minLength: 1, maxLength: 4 }), (o, edits) => {
      const line = edits.reduce(apply, JSON.stringify(o));
      expect(parseLine(line, fast)).toStrictEqual(parseLine(line, slow));
    }), { numRuns: 2000 });
  });

  it('answers only for lines JSON.parse reads as an object', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string(), recordish.map((o) => JSON.stringify(o))), (line) => {
      if (scanNative(line) === undefined) return;
      const v: unknown = JSON.parse(line);
      expect(v !== null && typeof v === 'object' && !Array.isArray(v)).toBe(true);
    }), { numRuns: 1000 });
  });

  it.each([
    ['a later duplicate wins', '{"ts":"x","event_id":"e","event_type":"t","endpoint":"a","ts":"2026-11-28T10:00:00Z"}'],
    ['a later rate_limit replaces the first whole', '{"ts":"2026-11-28T10:00:00Z","event_id":"e","event_type":"t","endpoint":"a","status":429,"rate_limit":{"limit":5},"rate_limit":{"remaining":2}}'],
    ['-0 and numbers beyond a double', '{"ts":"2026-11-28T10:00:00Z","event_id":"e","event_type":"t","endpoint":"a","status":-0,"attempt":1e400,"duration_ms":12345678901234567890}'],
    ['an object where a string belongs', '{"ts":"2026-11-28T10:00:00Z","event_id":{"a":[1,{}]},"event_type":"t","endpoint":"a"}'],
    ['an escaped quote (JSON.parse decides)', '{"ts":"2026-11-28T10:00:00Z","event_id":"e\\"1","event_type":"t","endpoint":"a"}'],
    ['a raw tab inside a string (invalid)', '{"ts":"2026-11-28T10:00:00Z","event_id":"e\t1","event_type":"t","endpoint":"a"}'],
    ['a trailing CR', '{"ts":"2026-11-28T10:00:00Z","event_id":"e","event_type":"t","endpoint":"a"}\r'],
    ['a __proto__ key', '{"__proto__":{"ts":1},"ts":"2026-11-28T10:00:00Z","event_id":"e","event_type":"t","endpoint":"a"}'],
    ['deep nesting', `{"x":${'['.repeat(20000)}${']'.repeat(20000)},"ts":"2026-11-28T10:00:00Z","event_id":"e","event_type":"t","endpoint":"a"}`],
    ['leading zeros', '{"ts":"2026-11-28T10:00:00Z","event_id":"e","event_type":"t","endpoint":"a","status":0200}'],
  ])('%s', (_name, line) => {
    expect(parseLine(line, fast)).toStrictEqual(parseLine(line, slow));
  });

  it('takes the common line itself (the fast path is used, not skipped)', () => {
    expect(scanNative('{"ts":"2026-11-28T10:00:00Z","kind":"attempt","event_id":"e","event_type":"t","endpoint":"a","status":200,"rate_limit":{"limit":5,"x":[1]}}'))
      .toStrictEqual({
        ts: '2026-11-28T10:00:00Z', kind: 'attempt', event_id: 'e', event_type: 't', endpoint: 'a', url: undefined, attempt: undefined, status: 200, error: undefined,
        duration: undefined, created_at: undefined, queued_at: undefined, outcome: undefined, processing: undefined, rate_limit_limit: 5, rate_limit_remaining: undefined,
      });
  });
});
