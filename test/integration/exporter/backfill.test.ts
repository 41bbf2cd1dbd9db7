/**
 * `hookwatch backfill` output goes through the real promtool into TSDB
 * blocks, and reading the blocks back gives the log's exact totals.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { runCli, stopAll } from '../../support/process.js';
import { tool } from '../../support/tools.js';
import { generateLog, TEST_ENDPOINTS } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-backfill-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

/** `promtool tsdb dump` lines → series → samples in time order. */
function readDump(text: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const line of text.split('\n')) {
    const m = /^\{__name__="([^"]+)", (.*)\} (\S+) (\d+)$/.exec(line);
    if (!m) continue;
    const key = `${m[1]}{${(m[2] as string).replace(/", /g, '",')}}`;
    if (!out.has(key)) out.set(key, []);
    out.get(key)?.push([Number(m[4]), Number(m[3])]);
  }
  return out;
}

describe('hookwatch backfill', () => {
  it('writes OpenMetrics that promtool turns into blocks holding the exact totals', async () => {
    const gen = generateLog(4000, 11); // event time: 2026-11-20, 100 ms apart
    const log = join(dir, 'history.jsonl');
    writeFileSync(log, gen.lines.map((l) => `${l}\n`).join(''));
    const cfg = join(dir, 'hookwatch.yaml');
    writeFileSync(cfg, ['endpoints:', ...TEST_ENDPOINTS.map((e) => `  - { name: ${e.name}, url: "${e.url}" }`)].join('\n'));
    const om = join(dir, 'out.om');

    const r = await runCli(['backfill', '--config', cfg, '--from', log, '--out', om, '--step', '30s']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/backfill \[#{30}\] 100% 4000 lines/);
    const text = readFileSync(om, 'utf8');
    expect(text.endsWith('# EOF\n')).toBe(true);

    const blocks = join(dir, 'blocks');
    const create = spawnSync(tool('promtool'), ['tsdb', 'create-blocks-from', 'openmetrics', om, blocks], { encoding: 'utf8' });
    expect(create.status, create.stderr).toBe(0);
    mkdirSync(join(blocks, 'wal'), { recursive: true }); // dump opens the folder as a DB
    const dump = spawnSync(tool('promtool'), ['tsdb', 'dump', blocks], { encoding: 'utf8', maxBuffer: 256 << 20 });
    expect(dump.status, dump.stderr).toBe(0);
    const series = readDump(dump.stdout);

    for (const [key, want] of gen.expected) {
      const points = series.get(key);
      expect(points, key).toBeDefined();
      const sorted = [...(points ?? [])].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]?.[1]).toBeGreaterThanOrEqual(sorted[i - 1]?.[1] as number);
      expect(sorted.at(-1)?.[1], key).toBe(want);
    }
    // Samples carry event time, not the time of the run.
    const first = [...series.values()].flat().reduce((a, [t]) => Math.min(a, t), Infinity);
    expect(first).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 20));
    expect(first).toBeLessThan(Date.UTC(2026, 10, 20) + 60_000);
    expect([...series.keys()].some((k) => k.startsWith(`${METRICS.endToEnd.name}_bucket{`))).toBe(true);
  });

  it('writes the same file on two threads as on one, and promtool takes it', async () => {
    // Late records and more event types than the label cap, so the windows and the cap both cross the ranges' bounds.
    const gen = generateLog(6000, 23);
    const lines = gen.lines.map((l, i) => (i % 11 === 0 ? l.replace(/"ts":"2026-11-20T00:/, '"ts":"2026-11-19T23:') : l));
    const log = join(dir, 'late.jsonl');
    writeFileSync(log, lines.map((l) => `${l}\n`).join(''));
    const cfg = join(dir, 'capped.yaml');
    writeFileSync(cfg, ['endpoints:', ...TEST_ENDPOINTS.map((e) => `  - { name: ${e.name}, url: "${e.url}" }`), 'exporter:', '  label_limit: 2'].join('\n'));
    const one = join(dir, 'one.om');
    const two = join(dir, 'two.om');
    const a = await runCli(['backfill', '--config', cfg, '--from', log, '--out', one, '--step', '1m', '--threads', '1']);
    expect(a.code, a.stderr).toBe(0);
    const b = await runCli(['backfill', '--config', cfg, '--from', log, '--out', two, '--step', '1m', '--threads', '2']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/backfill \[#{30}\] 100% 6000 lines/);
    // The summary line (lines, records, skipped, samples) too; only the threads differ.
    const summary = (r: { stderr: string }, out: string) => r.stderr.split('\n').filter((l) => l.startsWith('backfill: ')).map((l) => l.replace(out, 'OUT'));
    expect(summary(a, one)).toEqual([expect.stringMatching(/^backfill: 6000 lines, \d+ records, \d+ skipped, \d+ samples, 1 thread → OUT$/)]);
    expect(summary(b, two)).toEqual([(summary(a, one)[0] as string).replace('1 thread', '2 threads')]);
    const text = readFileSync(two, 'utf8');
    expect(text).toMatch(/event_type="other"/);
    expect(text === readFileSync(one, 'utf8')).toBe(true);
    const create = spawnSync(tool('promtool'), ['tsdb', 'create-blocks-from', 'openmetrics', two, join(dir, 'blocks-two')], { encoding: 'utf8' });
    expect(create.status, create.stderr).toBe(0);
  });

  it('refuses a --threads that is not a whole positive number', async () => {
    const r = await runCli(['backfill', '--config', join(dir, 'hookwatch.yaml'), '--from', join(dir, 'history.jsonl'), '--out', join(dir, 'x'), '--threads', '1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^hookwatch backfill: Invalid --threads "1\.5"\. Must be a whole number of threads, like 2\.$/);
  });

  it('names a missing log in one line', async () => {
    const cfg = join(dir, 'hookwatch.yaml');
    const r = await runCli(['backfill', '--config', cfg, '--from', join(dir, 'nope.jsonl'), '--out', join(dir, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^hookwatch backfill: --from .*nope\.jsonl: ENOENT$/);
  });
});
