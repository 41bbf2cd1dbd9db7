/**
 * The real `hookwatch probe` daemon: /metrics checked by promtool and
 * against the catalog, SIGHUP reloads, SIGTERM drains, --once exit codes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isDefaultMetricName, metricByName } from '../../../catalog/index.js';
import { promtoolCheckMetrics } from '../../support/promtool.js';
import { runCli, startCli, stopAll, type Daemon } from '../../support/process.js';
import { eventually, families, sample, scrape } from '../../support/scrape.js';
import { closedPort, httpServer, json, type TestServer } from '../../support/servers.js';

let dir: string;
let receiver: TestServer;
let slowRequestsFinished = 0;
let slowRequestsStarted = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-probe-'));
  receiver = await httpServer((req, res) => {
    if (req.url === '/slow') {
      slowRequestsStarted += 1;
      setTimeout(() => {
        json(res, 200, { ok: true });
        slowRequestsFinished += 1;
      }, 800);
      return;
    }
    json(res, req.url === '/health' ? 200 : 202, req.url === '/health' ? { status: 'healthy' } : { ok: true });
  });
});
afterEach(() => stopAll());
afterAll(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(name: string, endpoints: string, prober = ''): string {
  const file = join(dir, name);
  writeFileSync(file, `endpoints:\n${endpoints}\nprober:\n  listen: 127.0.0.1:0\n  schedule: "* * * * * *"\n${prober}`);
  return file;
}

const ep = (name: string, path: string, extra = '') => `  - name: ${name}
    url: ${receiver.url}${path}
    signing: { scheme: github, secret: "s3cr3t-value" }
${extra}`;

async function startProbe(config: string): Promise<{ d: Daemon; url: string }> {
  const d = startCli(['probe', '--config', config]);
  const m = await d.waitFor(/msg=listening url=(\S+)/);
  return { d, url: m[1]! };
}

describe('hookwatch probe (daemon)', () => {
  it('serves metrics that promtool accepts and the catalog names', async () => {
    const { url } = await startProbe(writeConfig('a.yaml', ep('primary', '/webhook', `    health_url: ${receiver.url}/health\n`)));
    const text = await eventually(async () => {
      const t = await scrape(`${url}/metrics`);
      // Each check probes at its own offset: wait for both.
      const done = (check: string) => (sample(t, 'webhook_probes_total', { endpoint: 'primary', check, result: 'success' }) ?? 0) >= 1;
      return done('health') && done('delivery') ? t : undefined;
    });
    expect(sample(text, 'webhook_probe_up', { endpoint: 'primary', check: 'delivery', region: 'local' })).toBe(1);
    expect(sample(text, 'webhook_probe_http_status_code', { endpoint: 'primary', check: 'delivery' })).toBe(202);
    expect(sample(text, 'webhook_probe_phase_seconds_count', { endpoint: 'primary', check: 'delivery', phase: 'ttfb' })).toBeGreaterThanOrEqual(1);
    // Every result series exists from the start, at 0.
    expect(sample(text, 'webhook_probes_total', { endpoint: 'primary', check: 'delivery', result: 'timeout' })).toBe(0);
    const check = promtoolCheckMetrics(text);
    expect(check.output).toBe('');
    expect(check.ok).toBe(true);
    for (const f of families(text).filter((n) => !isDefaultMetricName(n))) {
      expect(metricByName(f), `${f} is not in the catalog`).toBeDefined();
    }
    expect(text).not.toContain('s3cr3t-value');
    expect(await fetch(`${url}/-/healthy`).then((r) => r.status)).toBe(200);
    expect(await fetch(`${url}/-/ready`).then((r) => r.status)).toBe(200);
  });

  it('reloads on SIGHUP: removed endpoints lose their series, others keep counting', async () => {
    const cfg = writeConfig('b.yaml', `${ep('keep', '/webhook')}${ep('drop', '/webhook')}`);
    const { d, url } = await startProbe(cfg);
    const before = await eventually(async () => {
      const t = await scrape(`${url}/metrics`);
      return (sample(t, 'webhook_probes_total', { endpoint: 'keep', result: 'success' }) ?? 0) >= 2 ? t : undefined;
    });
    const keptBefore = sample(before, 'webhook_probes_total', { endpoint: 'keep', result: 'success' })!;
    writeFileSync(cfg, `endpoints:\n${ep('keep', '/webhook')}\nprober:\n  listen: 127.0.0.1:0\n  schedule: "* * * * * *"\n`);
    d.child.kill('SIGHUP');
    await d.waitFor(/msg="config reloaded"/);
    const after = await scrape(`${url}/metrics`);
    expect(sample(after, 'webhook_probes_total', { endpoint: 'drop', result: 'success' })).toBeUndefined();
    expect(sample(after, 'webhook_probe_up', { endpoint: 'drop' })).toBeUndefined();
    expect(sample(after, 'webhook_probes_total', { endpoint: 'keep', result: 'success' })).toBeGreaterThanOrEqual(keptBefore);
    expect(sample(after, 'hookwatch_config_reloads_total', { result: 'success' })).toBe(1);
  });

  it('keeps running on a bad config and counts the failed reload', async () => {
    const cfg = writeConfig('c.yaml', ep('keep', '/webhook'));
    const { d, url } = await startProbe(cfg);
    writeFileSync(cfg, 'endpoints:\n  - name: keep\n    url: not-a-url\n');
    d.child.kill('SIGHUP');
    await d.waitFor(/config reload failed.*endpoints\[0\]\.url: got \\"not-a-url\\"/);
    const text = await scrape(`${url}/metrics`);
    expect(sample(text, 'hookwatch_config_reloads_total', { result: 'failure' })).toBe(1);
    expect(d.child.exitCode).toBeNull();
  });

  it('logs state changes at info and every probe with --log.level debug', async () => {
    const d = startCli(['probe', '--config', writeConfig('g.yaml', ep('logged', '/webhook')), '--log.level', 'debug']);
    await d.waitFor(/^ts=\S+ level=info component=prober msg="probe up" endpoint=logged check=delivery result=success status=202 /m);
    await d.waitFor(/^ts=\S+ level=debug component=prober msg=probe endpoint=logged check=delivery result=success /m);
    expect(d.stderr()).not.toContain('s3cr3t-value');
  });

  it('lets a running probe finish on SIGTERM, then exits 0', async () => {
    const { d } = await startProbe(writeConfig('d.yaml', ep('slow', '/slow')));
    // The first probe is in flight (it starts at the target's spread offset, within its first second).
    const startedBefore = slowRequestsStarted;
    await eventually(async () => (slowRequestsStarted > startedBefore ? true : undefined));
    const finishedBefore = slowRequestsFinished;
    d.child.kill('SIGTERM');
    expect(await d.exited()).toBe(0);
    expect(slowRequestsFinished).toBeGreaterThan(finishedBefore);
  });
});

describe('hookwatch probe --once', () => {
  it('exits 0 when every check passes and prints JSON without signatures', async () => {
    const r = await runCli(['probe', '--once', '--json', '--config', writeConfig('e.yaml', ep('a', '/webhook'))]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { endpoint: string; result: string; requestHeaders?: unknown }[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ endpoint: 'a', result: 'success' });
    expect(out[0]!.requestHeaders).toBeUndefined();
  });

  it('exits 1 when a check fails and prints a table', async () => {
    const port = await closedPort();
    const r = await runCli(['probe', '--once', '--config', writeConfig('f.yaml', `${ep('a', '/webhook')}  - name: down\n    url: http://127.0.0.1:${port}/x\n`)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ENDPOINT\s+CHECK\s+RESULT/);
    expect(r.stdout).toMatch(/down\s+delivery\s+connect_error/);
  });
});

describe('hookwatch check', () => {
  it('exits 1 listing every problem, one line each', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'endpoints:\n  - name: a\n    url: nope\n    signing: { scheme: sha1, secret: "${env:SECRET_X}" }\n');
    const r = await runCli(['check', '--config', file], { SECRET_X: 'do-not-print-me' });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${file}:3:10 endpoints[0].url: got "nope", expected an http:// or https:// URL`,
      `${file}:4:24 endpoints[0].signing.scheme: got "sha1", expected one of standard-webhooks, svix, stripe, github, slack, hmac-sha256, none`,
    ]);
    expect(r.stderr).not.toContain('do-not-print-me');
  });

  it('exits 0 on a valid config', async () => {
    const r = await runCli(['check', '--config', writeConfig('ok.yaml', ep('a', '/webhook'))]);
    expect(r.code).toBe(0);
  });
});
