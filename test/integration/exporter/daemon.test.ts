/**
 * The daemon as an operator runs it: port 0 with the address on stderr,
 * health and readiness, NDJSON ingest with a bearer token, SIGHUP reload
 * (good and bad config), SIGTERM with a final checkpoint.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDefaultMetricName, METRICS, metricByName } from '../../../catalog/index.js';
import { startCli, stopAll } from '../../support/process.js';
import { promtoolCheckMetrics } from '../../support/promtool.js';
import { eventually, families, sample, scrape } from '../../support/scrape.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-daemon-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

const cfg = join(dir, 'hookwatch.yaml');
function writeConfig(extra = ''): void {
  writeFileSync(cfg, `endpoints:
  - { name: primary, url: "https://primary.example.com/webhook" }
exporter:
  listen: 127.0.0.1:0
  state_dir: ./state
  poll_interval: 50ms
  sources:
    - { type: file, path: ./log.jsonl, name: main }
    - { type: http, path: /ingest, token_file: ./token, max_body_bytes: 2000, name: push }
${extra}`);
}
const rec = (i: number, status: number) => JSON.stringify({ ts: '2026-11-28T10:00:00Z', event_id: `e${i}`, event_type: 't', url: 'https://primary.example.com/webhook', status });

describe('hookwatch export (daemon)', () => {
  it('serves, ingests, reloads and stops cleanly', async () => {
    writeFileSync(join(dir, 'token'), 's3cret-token\n');
    writeFileSync(join(dir, 'log.jsonl'), `${rec(1, 200)}\n`);
    writeConfig();
    const d = startCli(['export', '--config', cfg]);
    const url = (await d.waitFor(/msg=listening url=(http:\/\/127\.0\.0\.1:\d+)/))[1] as string;
    expect((await fetch(`${url}/-/healthy`)).status).toBe(200);
    await eventually(async () => (await fetch(`${url}/-/ready`)).status === 200);

    const text = await eventually(async () => {
      const t = await scrape(`${url}/metrics`);
      return sample(t, METRICS.deliveries.name, { endpoint: 'primary', status_class: '2xx' }) === 1 ? t : undefined;
    });
    expect(promtoolCheckMetrics(text)).toEqual({ ok: true, output: '' });
    for (const f of families(text).filter((n) => !isDefaultMetricName(n))) expect(metricByName(f)?.name, f).toBe(f);

    const post = (body: string, token = 's3cret-token') => fetch(`${url}/ingest`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
    expect((await post(rec(2, 200), 'wrong')).status).toBe(401);
    const ok = await post(`${rec(3, 503)}\nnot json\n${rec(4, 429)}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ accepted: 2, rejected: 1 });
    expect((await post('x'.repeat(3000))).status).toBe(413);
    // A 200 means counted and checkpointed: the next scrape shows it.
    const after = await scrape(`${url}/metrics`);
    expect(sample(after, METRICS.deliveryFailures.name, { endpoint: 'primary', reason: 'rate_limited' })).toBe(1);
    expect(sample(after, METRICS.exporterParseErrors.name, { source: 'push', reason: 'invalid_json' })).toBe(1);

    writeConfig('  label_limit: 5\n');
    d.child.kill('SIGHUP');
    await d.waitFor(/config reloaded/);
    writeConfig('  label_limit: -1\n');
    d.child.kill('SIGHUP');
    await d.waitFor(/config reload failed, keeping the running config" error=.*exporter\.label_limit/);
    const reloads = await scrape(`${url}/metrics`);
    expect(sample(reloads, METRICS.configReloads.name, { result: 'success' })).toBe(1);
    expect(sample(reloads, METRICS.configReloads.name, { result: 'failure' })).toBe(1);

    d.child.kill('SIGTERM');
    expect(await d.exited()).toBe(0);
    expect(existsSync(join(dir, 'state', 'checkpoint.json'))).toBe(true);
  });

  it('refuses a corrupt checkpoint with one clear line instead of guessing', async () => {
    const bad = mkdtempSync(join(dir, 'corrupt-'));
    writeFileSync(join(bad, 'hookwatch.yaml'), 'endpoints: [{ name: a, url: "https://a.example/h" }]\nexporter: { listen: "127.0.0.1:0", state_dir: ./s }\n');
    mkdirSync(join(bad, 's'));
    writeFileSync(join(bad, 's', 'checkpoint.json'), '{"version":1,');
    const d = startCli(['export', '--config', join(bad, 'hookwatch.yaml')]);
    expect(await d.exited()).toBe(1);
    expect(d.stderr()).toMatch(/checkpoint\.json: not valid JSON; move it away/);
  });

  it('logs a missing file once, its arrival, and a bad line with file, line number and reason', async () => {
    const loud = mkdtempSync(join(dir, 'loud-'));
    writeFileSync(join(loud, 'hookwatch.yaml'), 'endpoints: [{ name: a, url: "https://a.example/h" }]\nexporter: { listen: "127.0.0.1:0", state_dir: ./s, poll_interval: 50ms, sources: [{ type: file, path: ./later.jsonl, name: main }] }\n');
    const d = startCli(['export', '--config', join(loud, 'hookwatch.yaml')]);
    await d.waitFor(/msg="waiting for file" source=main path=\S*later\.jsonl/);
    writeFileSync(join(loud, 'later.jsonl'), `${rec(1, 200)}\n{"ts":\n`);
    await d.waitFor(/msg="skipped a bad line" source=main file=\S*later\.jsonl line=2 offset=\d+ reason=invalid_json/);
    expect(d.stderr()).toMatch(/msg="file appeared" source=main/);
    expect(d.stderr().match(/waiting for file/g)).toHaveLength(1);
    d.child.kill('SIGTERM');
    expect(await d.exited()).toBe(0);
  });
});
