/**
 * End to end for `prober.metrics: compact`: a real prober in compact mode
 * (one endpoint opted into full), reference receivers with faults, the
 * simulator and the exporter, scraped by a real Prometheus 2.42 with the
 * compact build's rules (`hookwatch stack`). Asserted from Prometheus, i.e.
 * from real scrapes: at most 25 series per compact endpoint and check; every
 * panel query of the compact dashboards returns data; every rule of the
 * compact build evaluates without error, and its expression runs as a query.
 * The series counts of both modes are written to
 * test-artifacts/compact-series.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPACT_SERIES_LIMIT, JOBS } from '../../catalog/index.js';
import { alertGroups, recordingGroups } from '../../alerts/index.js';
import { configFromYaml } from '../support/config.js';
import { emptyPanels, instantQuery } from '../support/panels.js';
import { startCli, stopAll, type Daemon } from '../support/process.js';
import { eventually, scrape, seriesPerTarget } from '../support/scrape.js';
import { freePorts, httpsServer, selfSigned, type SelfSigned, type TestServer } from '../support/servers.js';
import { ROOT } from '../support/tools.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
/** Receivers of the stack; `tls` is an HTTPS server of the test's own (a certificate to expire). */
const RECEIVERS = ['clean', 'flaky', 'detail'] as const;
type Ep = (typeof RECEIVERS)[number];

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-compact-e2e-'));
const ports = {} as Record<Ep, number>;
let proberPort = 0;
let exporterPort = 0;
let cert: SelfSigned;
let tlsServer: TestServer;
let stack: Daemon;
let prometheus = '';

function configYaml(): string {
  const ep = (e: Ep, extra = '') => `  - name: ${e}
    url: http://127.0.0.1:${ports[e]}/webhook
    health_url: http://127.0.0.1:${ports[e]}/webhook-health
    events: [payment.received]
    signing: { scheme: standard-webhooks, secret: ${SECRET} }
${extra}`;
  return `endpoints:
${ep('clean', '    checks: { signature_enforcement: { enabled: true } }\n')}${ep('flaky', '    slo: { success_ratio: 0.5 }\n')}${ep('detail', '    metrics: full\n')}  - name: tls
    url: ${tlsServer.url}/webhook
    tls: { ca_file: ${cert.certFile} }
prober: { metrics: compact, interval: 1s, timeout_seconds: 2, listen: 127.0.0.1:${proberPort} }
receivers:
  - { endpoint: clean, listen: 127.0.0.1:${ports.clean}, log: logs/receiver-clean.jsonl }
  - endpoint: flaky
    listen: 127.0.0.1:${ports.flaky}
    log: logs/receiver-flaky.jsonl
    processing: { max_attempts: 1, dlq_replay_interval: 2s }
    faults: { error_ratio: 0.2, permanent_failure_ratio: 0.3, rate_limit: { limit: 20, window: 1s } }
  - { endpoint: detail, listen: 127.0.0.1:${ports.detail}, log: logs/receiver-detail.jsonl }
simulator:
  rate_per_second: 15
  endpoints: [clean, flaky, detail]
  timeout_seconds: 2
  retry: { schedule: [0s, 500ms], jitter: 0.1 }
  log: { path: logs/deliveries.jsonl }
exporter:
  listen: 127.0.0.1:${exporterPort}
  state_dir: state
  label_limit: 5
  sources:
    - { type: file, name: simulator, path: logs/deliveries.jsonl }
    - { type: file, name: receivers, path: "logs/receiver-*.jsonl" }
    - { type: http, name: push, path: /ingest }
alerts:
  scrape_interval: 1s
  evaluation_interval: 1s
  failure_rate: { window: 15s }
`;
}

const promQuery = (expr: string) => instantQuery(prometheus, expr);

beforeAll(async () => {
  cert = selfSigned(30);
  tlsServer = await httpsServer(cert, (_req, res) => { res.writeHead(202); res.end('ok'); });
  const free = await freePorts(RECEIVERS.length + 2);
  RECEIVERS.forEach((e, i) => (ports[e] = free[i]!));
  [proberPort, exporterPort] = free.slice(RECEIVERS.length) as [number, number];
  writeFileSync(join(dir, 'hookwatch.yaml'), configYaml());
  stack = startCli(['stack', '--config', join(dir, 'hookwatch.yaml'), '--dir', join(dir, 'stack')]);
  await stack.waitFor(/files and logs/, 60_000);
  prometheus = /prometheus +(http:\S+)/.exec(stack.stdout())![1]!;
  await eventually(async () => {
    const r = await promQuery('count(up == 1)');
    return r[0]?.value[1] === '2';
  }, 60_000, 250).catch(async (err: Error) => { throw new Error(`targets not up: ${JSON.stringify(await promQuery('up'))} (${err.message})`); });
}, 120_000);

afterAll(async () => {
  stack?.child.kill('SIGINT');
  await Promise.race([stack?.exited(), new Promise((r) => setTimeout(r, 15_000))]);
  stopAll();
  await tlsServer?.close();
  cert?.cleanup();
  if (process.env.E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}, 30_000);

describe('compact metrics end to end', () => {
  it(`at most ${COMPACT_SERIES_LIMIT} series per endpoint and check in Prometheus, from its scrapes of the prober; the endpoint opted into full has its full series`, async () => {
    // Wait until TLS expiry and the rate-limit headers have been seen: the counts are then at their most.
    await eventually(async () => (await promQuery('webhook_probe_tls_expiry_timestamp_seconds')).length > 0 && (await promQuery('webhook_probe_rate_limit_remaining{endpoint="flaky"}')).length > 0, 60_000, 500);
    const rows = await promQuery(`count by (endpoint, check) ({job="${JOBS.prober}", endpoint!="", check!=""})`);
    const counts = new Map(rows.map((r) => [`${r.metric.endpoint} ${r.metric.check}`, Number(r.value[1])]));
    const direct = seriesPerTarget(await scrape(`http://127.0.0.1:${proberPort}/metrics`));
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test-artifacts/compact-series.md'), [
      '| endpoint check | series in Prometheus | series on /metrics |', '|---|---:|---:|',
      ...[...counts].sort().map(([k, n]) => `| ${k} | ${n} | ${direct.get(k) ?? 0} |`),
    ].join('\n') + '\n');
    console.log([...counts].sort().map(([k, n]) => `${k}: ${n} series`).join('\n'));
    const compact = [...counts].filter(([k]) => !k.startsWith('detail '));
    expect(compact.map(([k]) => k).sort()).toEqual(['clean delivery', 'clean health', 'clean signature_enforcement', 'flaky delivery', 'flaky health', 'tls delivery']);
    for (const [k, n] of compact) expect(n, k).toBeLessThanOrEqual(COMPACT_SERIES_LIMIT);
    // flaky's delivery has rate-limit gauges; tls has its expiry: each the most its kind can have here.
    expect(counts.get('flaky delivery')).toBeGreaterThanOrEqual(22);
    expect(counts.get('detail delivery')).toBeGreaterThan(100);
  }, 90_000);

  it('every rule of the compact build evaluates without error, and each expression runs as a query', async () => {
    const config = configFromYaml(configYaml());
    const built = [...alertGroups(config), ...recordingGroups()].flatMap((g) => g.rules.map((r) => ({ name: 'alert' in r ? r.alert : r.record, expr: r.expr })));
    type Rule = { name: string; health: string; lastError?: string; lastEvaluation: string };
    const loaded = async () => {
      const body = (await (await fetch(`${prometheus}/api/v1/rules`)).json()) as { data: { groups: { rules: Rule[] }[] } };
      return body.data.groups.flatMap((g) => g.rules);
    };
    const rules = await eventually(async () => {
      const list = await loaded();
      return list.length === built.length && list.every((r) => !r.lastEvaluation.startsWith('0001')) ? list : undefined;
    }, 30_000, 500);
    expect(rules.filter((r) => r.health !== 'ok').map((r) => `${r.name}: ${r.health} ${r.lastError ?? ''}`)).toEqual([]);
    for (const r of built) await expect(promQuery(r.expr), r.name).resolves.toBeDefined();
  }, 60_000);

  it('every dashboard query of the compact build returns data from this Prometheus', async () => {
    const now = new Date().toISOString();
    // What traffic alone does not produce: an ingest batch, bad lines and more endpoints than label_limit.
    const batch = `${JSON.stringify({ ts: now, event_id: 'push_1', event_type: 'payment.received', endpoint: 'clean', status: 200, duration_ms: 5 })}\n`;
    expect((await fetch(`http://127.0.0.1:${exporterPort}/ingest`, { method: 'POST', body: batch, headers: { 'idempotency-key': 'c-1' } })).status).toBe(200);
    writeFileSync(join(dir, 'logs/receiver-zz-imported.jsonl'), [
      'not json at all',
      ...Array.from({ length: 8 }, (_, i) => JSON.stringify({ ts: now, event_id: `imp_${i}`, event_type: 'payment.received', url: `https://unknown-${i}.example.com/hook`, status: 200, duration_ms: 12 })),
    ].join('\n') + '\n');
    stack.child.kill('SIGHUP');
    await stack.waitFor(/config reloaded/, 30_000);
    const config = configFromYaml(configYaml());
    expect(config.prober.metrics).toBe('compact');
    let empty = await emptyPanels(config, promQuery);
    for (let i = 0; i < 60 && empty.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      empty = await emptyPanels(config, promQuery);
    }
    expect(empty).toEqual([]);
  }, 120_000);
});
