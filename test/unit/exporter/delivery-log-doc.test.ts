/**
 * docs/delivery-log.md cannot rot: every YAML example loads with the real
 * config loader, every `jsonl` line parses with the real record parser in
 * the format of the YAML example before it (native when none), every metric
 * it names is in the catalog, and every field, kind and reason the code
 * knows is named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, METRICS, PARSE_ERROR_REASONS, PROCESSED_STATUSES } from '../../../catalog/index.js';
import { parseLine, readerFor, type FormatSpec } from '../../../exporter/records/parse.js';
import { HOOKWATCH_FORMAT } from '../../../exporter/records/presets.js';
import { RECORD_KINDS } from '../../../exporter/records/record.js';
import { codeBlocks, loadExample } from '../../support/doc-examples.js';
import { ROOT } from '../../support/tools.js';

const DOC = readFileSync(join(ROOT, 'docs/delivery-log.md'), 'utf8');

/** Each jsonl line with the format it is read in: the first source of the YAML example before it. */
function samples(): { line: string; at: number; spec: FormatSpec }[] {
  let spec: FormatSpec = { format: 'hookwatch' };
  const out: { line: string; at: number; spec: FormatSpec }[] = [];
  for (const b of codeBlocks(DOC)) {
    if (b.lang === 'yaml') spec = loadExample(b.text).exporter.sources[0] as FormatSpec;
    if (b.lang === 'jsonl') b.text.split('\n').forEach((line, i) => out.push({ line, at: b.line + 1 + i, spec }));
  }
  return out;
}

describe('docs/delivery-log.md', () => {
  it.each(codeBlocks(DOC).filter((b) => b.lang === 'yaml').map((b) => [b.line, b] as const))('the config at line %i loads', (_l, b) => {
    expect(loadExample(b.text).exporter.sources.length).toBeGreaterThan(0);
  });

  it.each(samples().map((s) => [s.at, s] as const))('the log line at line %i parses', (_l, s) => {
    expect(parseLine(s.line, readerFor(s.spec))).toMatchObject({ ok: true });
  });

  it('has examples of every kind, read as that kind', () => {
    const kinds = samples().map((s) => parseLine(s.line, readerFor(s.spec))).map((r) => (r.ok ? r.record.kind : undefined));
    expect([...new Set(kinds)].sort()).toEqual([...RECORD_KINDS].sort());
  });

  it('names only metrics of the catalog', () => {
    const names = new Set(Object.values(METRICS).map((m) => m.name));
    const named = [...DOC.matchAll(/\b((?:webhook|hookwatch)_[a-z_]+)/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !names.has(n))).toEqual([]);
  });

  it('names every native field, kind, failure and parse-error reason and processing status', () => {
    const fields = Object.values(HOOKWATCH_FORMAT.paths);
    for (const word of [...fields, ...RECORD_KINDS, ...FAILURE_REASONS, ...PARSE_ERROR_REASONS, ...PROCESSED_STATUSES]) {
      expect(DOC, word).toContain(`\`${word}\``);
    }
  });
});
