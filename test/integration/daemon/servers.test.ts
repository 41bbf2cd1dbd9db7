/**
 * What the prober's and the exporter's HTTP servers share, tested on both
 * (in process, port 0): the same health answers, prom-client's process
 * metrics on each `/metrics` labelled by component, and an index page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_METRICS, isDefaultMetricName, metricByName } from '../../../catalog/index.js';
import { silentLogger } from '../../../daemon/index.js';
import { startDaemon, type Daemon, type ExporterSettings } from '../../../exporter/index.js';
import { startMetricsServer, type RunningServer } from '../../../prober/index.js';
import { ProberMetrics } from '../../../prober/metrics.js';
import { promtoolCheckMetrics } from '../../support/promtool.js';
import { eventually, families, sample, scrape } from '../../support/scrape.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-servers-'));
let prober: RunningServer;
let exporter: Daemon;
let ready = false;

const settings: ExporterSettings = {
  endpoints: [{ name: 'primary', url: 'https://primary.example/h' }], labelLimit: 10, maxLineBytes: 10_000,
  stateDir: join(dir, 'state'), pollSeconds: 0.05, checkpointSeconds: 1, listen: { host: '127.0.0.1', port: 0, text: '127.0.0.1:0' },
  sources: [{ type: 'file', path: join(dir, 'log.jsonl'), written: 'log.jsonl', format: 'hookwatch', name: 'main' }],
};

beforeAll(async () => {
  const metrics = new ProberMetrics('1.2.3');
  prober = await startMetricsServer({ host: '127.0.0.1', port: 0, metrics: () => metrics.store, ready: () => ready });
  exporter = await startDaemon(settings, { version: '1.2.3<b>', log: silentLogger });
});
afterAll(async () => {
  await prober?.close();
  await exporter?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const servers = () => [{ component: 'prober', url: prober.url }, { component: 'exporter', url: exporter.url }];
const get = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
};
const PROCESS = ALL_METRICS.filter((m) => m.origin === 'prom-client');

describe('prober and exporter servers', () => {
  it('answer /-/healthy and /-/ready in the same words', async () => {
    const before = await Promise.all(servers().map(async (s) => [await get(`${s.url}/-/healthy`), await get(`${s.url}/-/ready`)]));
    ready = true;
    await eventually(async () => (await fetch(`${exporter.url}/-/ready`)).status === 200);
    const after = await Promise.all(servers().map(async (s) => get(`${s.url}/-/ready`)));
    expect(before[0]![0]).toEqual({ status: 200, type: 'text/plain; charset=utf-8', body: 'Healthy\n' });
    expect(before[1]![0]).toEqual(before[0]![0]);
    expect(before[0]![1]).toEqual({ status: 503, type: 'text/plain; charset=utf-8', body: 'Not ready\n' });
    expect(after).toEqual([{ status: 200, type: 'text/plain; charset=utf-8', body: 'Ready\n' }, { status: 200, type: 'text/plain; charset=utf-8', body: 'Ready\n' }]);
  });

  it.each(['prober', 'exporter'])('%s /metrics has the process metrics the Self dashboard charts, labelled by component', async (component) => {
    const url = servers().find((s) => s.component === component)!.url;
    const text = await scrape(`${url}/metrics`);
    expect(PROCESS.length).toBeGreaterThanOrEqual(4);
    for (const m of PROCESS) {
      expect(text, m.name).toContain(`# TYPE ${m.name} ${m.type}\n`);
      expect(sample(text, m.name, { component }), m.name).toBeGreaterThan(0);
    }
    expect(promtoolCheckMetrics(text)).toEqual({ ok: true, output: '' });
    // Everything else is in the catalog; prom-client's other defaults are left uncatalogued.
    for (const f of families(text).filter((n) => !isDefaultMetricName(n))) expect(metricByName(f)?.name, f).toBe(f);
    expect(new Set(families(text)).size).toBe(families(text).length);
  });

  it('exporter / is a small index page linking /metrics, /-/healthy and /-/ready, escaping what it shows', async () => {
    const page = await get(`${exporter.url}/`);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    for (const path of ['/metrics', '/-/healthy', '/-/ready']) expect(page.body).toContain(`href="${path}"`);
    expect(page.body).toContain('1.2.3&lt;b&gt;');
    expect(page.body).not.toContain('<b>');
    expect(page.body).toContain('main');
    expect((await get(`${exporter.url}/nope`)).status).toBe(404);
  });
});
