/**
 * `hookwatch export --once` on a log it has never seen reports every
 * delivery by endpoint and status class exactly, in text promtool accepts,
 * using only catalog families.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METRICS, metricByName } from '../../../catalog/index.js';
import { runCli, stopAll } from '../../support/process.js';
import { promtoolCheckMetrics } from '../../support/promtool.js';
import { families } from '../../support/scrape.js';
import { CLI } from '../../support/tools.js';
import { generateLog, parseExposition, TEST_ENDPOINTS } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-once-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(name: string, sources: string): string {
  const path = join(dir, name);
  writeFileSync(path, ['endpoints:', ...TEST_ENDPOINTS.map((e) => `  - { name: ${e.name}, url: "${e.url}" }`), 'exporter:', `  sources: ${sources}`].join('\n'));
  return path;
}

describe('hookwatch export --once', () => {
  const gen = generateLog(5000, 3);
  writeFileSync(join(dir, 'a.jsonl'), gen.lines.slice(0, 2500).map((l) => `${l}\n`).join(''));
  // The second file ends without a newline: --once counts that last line too.
  writeFileSync(join(dir, 'b.jsonl'), gen.lines.slice(2500).join('\n'));

  it('counts every delivery by endpoint and status class exactly, over a glob', async () => {
    const cfg = writeConfig('glob.yaml', '[{ type: file, path: "./*.jsonl", name: logs }]');
    const r = await runCli(['export', '--once', '--config', cfg]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const got = parseExposition(r.stdout);
    for (const [k, v] of gen.expected) expect(got.get(k), k).toBe(v);
    expect(got.get(`${METRICS.exporterLinesRead.name}{source="logs"}`)).toBe(5000);
    const errors = [...got].filter(([k]) => k.startsWith(`${METRICS.exporterParseErrors.name}{`)).reduce((a, [, v]) => a + v, 0);
    expect(errors).toBe(gen.badLines);
    // URLs with credentials or queries never become label values.
    expect(r.stdout).not.toMatch(/token=|sig=|user:pw/);

    expect(promtoolCheckMetrics(r.stdout)).toEqual({ ok: true, output: '' });
    for (const f of families(r.stdout)) expect(metricByName(f)?.name, f).toBe(f);
  });

  it('reports how far it read each file: offset and size both the whole file', async () => {
    const cfg = writeConfig('one.yaml', '[{ type: file, path: ./a.jsonl, name: one }]');
    const r = await runCli(['export', '--once', '--config', cfg]);
    expect(r.code).toBe(0);
    const got = parseExposition(r.stdout);
    const bytes = statSync(join(dir, 'a.jsonl')).size;
    expect(got.get(`${METRICS.exporterSourceSize.name}{source="one"}`)).toBe(bytes);
    expect(got.get(`${METRICS.exporterSourceOffset.name}{source="one"}`)).toBe(bytes);
  });

  it('reads a pipe with a stdin source and a Svix-format log', () => {
    const cfg = writeConfig('stdin.yaml', '[{ type: stdin, format: svix, name: pipe }]');
    const attempt = (code: number, ms: number) => JSON.stringify({
      id: 'a', msgId: 'm', endpointId: 'ep_1', url: 'https://primary.example.com/webhook', status: code < 300 ? 0 : 2,
      responseStatusCode: code, responseDurationMs: ms, timestamp: '2026-11-28T10:00:00Z', msg: { eventType: 'invoice.paid' },
    });
    const input = `${attempt(200, 20)}\n${attempt(500, 40)}\n{bad\n`;
    const r = spawnSync(process.execPath, [CLI, 'export', '--once', '--config', cfg], { input, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const got = parseExposition(r.stdout);
    const lbl = 'endpoint="payments-primary",event_type="invoice.paid"';
    expect(got.get(`${METRICS.deliveries.name}{${lbl},status_class="2xx"}`)).toBe(1);
    expect(got.get(`${METRICS.deliveryFailures.name}{${lbl},reason="http_5xx"}`)).toBe(1);
    expect(got.get(`${METRICS.events.name}{${lbl},outcome="delivered"}`)).toBe(1);
    expect(got.get(`${METRICS.exporterParseErrors.name}{source="pipe",reason="invalid_json"}`)).toBe(1);
  });

  it('refuses a bad exporter config with one line naming the field', async () => {
    const cfg = writeConfig('bad.yaml', '[{ type: file, path: ./x.jsonl, format: map }]');
    const r = await runCli(['export', '--once', '--config', cfg]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/exporter\.sources\[0\]\.map.*a map: of record fields/);
  });

  it('names a source path that is a folder in one line instead of waiting forever', async () => {
    const cfg = writeConfig('folder.yaml', '[{ type: file, path: ./logs/ }]');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    const r = await runCli(['export', '--once', '--config', cfg]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${cfg}: exporter.sources[0].path: got "./logs/", expected a file or a glob (it is a folder; try "./logs/*.jsonl")`);
  });

  it('fails on a missing file with one line naming the source and path, where it printed empty metrics', async () => {
    const cfg = writeConfig('missing.yaml', '[{ type: file, path: ./nowhere.jsonl, name: deliveries }]');
    const r = await runCli(['export', '--once', '--config', cfg]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`${cfg}: exporter.sources[0] (source "deliveries"): no file at "./nowhere.jsonl" (${join(dir, 'nowhere.jsonl')}); export --once reads files that exist`);
  });

  it('check warns about a missing file (exit 0: the daemon waits for it)', async () => {
    const cfg = writeConfig('missing-check.yaml', '[{ type: file, path: ./later.jsonl }]');
    const r = await runCli(['check', '--no-tools', '--config', cfg]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: ok \(/);
    // Among check's other warnings (this config routes alerts nowhere), one line for the file.
    expect(r.stderr.trim().split('\n').filter((l) => l.includes('later.jsonl'))).toEqual([
      `${cfg}: warning: exporter.sources[0] (source "file-0"): no file at "./later.jsonl" (${join(dir, 'later.jsonl')}); export waits for it, export --once fails`,
    ]);
  });
});
