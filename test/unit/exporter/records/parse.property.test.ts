import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../../exporter/counting/engine.js';
import { LineSplitter } from '../../../../exporter/sources/lines.js';
import { compileMapping } from '../../../../exporter/records/map.js';
import { parseLine } from '../../../../exporter/records/parse.js';
import { HOOKWATCH_FORMAT } from '../../../../exporter/records/presets.js';

const SRC = 'prop';

function totals(engine: Engine) {
  const sum = (key: 'exporterRecords' | 'exporterParseErrors') => engine.agg.scalars(key).reduce((a, s) => a + s.value, 0);
  return { lines: engine.agg.get('exporterLinesRead', { source: SRC }), records: sum('exporterRecords'), errors: sum('exporterParseErrors'), bytes: engine.agg.get('exporterBytesRead', { source: SRC }) };
}

/** Feeds chunks through the same path a file source uses. */
function feed(chunks: Uint8Array[], maxLineBytes: number) {
  const engine = new Engine({ endpoints: [{ name: 'a', url: 'https://a.example/h' }], labelLimit: 5 });
  const s = new LineSplitter(maxLineBytes, engine.sink(SRC, { format: 'hookwatch' }));
  let consumed = 0;
  for (const c of chunks) consumed += s.push(Buffer.from(c));
  return { engine, consumed };
}

const recordish = fc.record({
  ts: fc.oneof(fc.constant('2026-11-28T10:00:00Z'), fc.string(), fc.integer(), fc.constant(null)),
  event_id: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
  event_type: fc.oneof(fc.string(), fc.constant(undefined), fc.object()),
  endpoint: fc.oneof(fc.string(), fc.constant('a'), fc.constant(undefined)),
  url: fc.oneof(fc.webUrl(), fc.string(), fc.constant(undefined)),
  kind: fc.oneof(fc.constantFrom('attempt', 'dlq', 'dlq_replay', 'processed', 'x'), fc.constant(undefined)),
  status: fc.oneof(fc.integer({ min: -1, max: 700 }), fc.string(), fc.constant(null), fc.double()),
  duration_ms: fc.oneof(fc.double(), fc.string(), fc.constant(undefined)),
  attempt: fc.oneof(fc.integer(), fc.double(), fc.constant(undefined)),
  error: fc.oneof(fc.string(), fc.constant(null), fc.boolean()),
  outcome: fc.oneof(fc.constantFrom('delivered', 'dead_lettered', 'retrying'), fc.string()),
  rate_limit: fc.oneof(fc.record({ limit: fc.anything(), remaining: fc.anything() }), fc.anything()),
}, { requiredKeys: [] });

describe('parsing never crashes and counts every line once', () => {
  it('arbitrary bytes: lines read = records + parse errors = newlines, bytes = consumed', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), fc.integer({ min: 1, max: 200 }), (chunks, max) => {
      const { engine, consumed } = feed(chunks, max);
      const t = totals(engine);
      const all = Buffer.concat(chunks.map((c) => Buffer.from(c)));
      const newlines = all.filter((b) => b === 10).length;
      expect(t.lines).toBe(newlines);
      expect(t.records + t.errors).toBe(t.lines);
      expect(consumed).toBe(all.lastIndexOf(10) + 1);
      expect(t.bytes).toBe(consumed);
    }), { numRuns: 300 });
  });

  it('JSON objects of almost the right shape: each is a record or an error, never both', () => {
    fc.assert(fc.property(fc.array(recordish, { maxLength: 30 }), (objs) => {
      const text = objs.map((o) => `${JSON.stringify(o)}\n`).join('');
      const { engine } = feed([Buffer.from(text)], 1 << 20);
      const t = totals(engine);
      expect(t.lines).toBe(objs.length);
      expect(t.records + t.errors).toBe(objs.length);
    }), { numRuns: 300 });
  });

  it('the native fast field reader gives exactly what following the paths gives', () => {
    const { extract: _fast, ...byPaths } = HOOKWATCH_FORMAT;
    const fast = compileMapping(HOOKWATCH_FORMAT);
    const slow = compileMapping(byPaths);
    fc.assert(fc.property(recordish, (o) => {
      const text = JSON.stringify(o);
      expect(parseLine(text, fast)).toEqual(parseLine(text, slow));
    }), { numRuns: 500 });
  });
});
