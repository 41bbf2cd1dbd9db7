/**
 * End to end: real Prometheus 2.42 and Alertmanager 0.25 (hookwatch stack),
 * hookwatch's prober (two regions), exporter, reference receivers and
 * simulator, and capture servers standing in for Slack, PagerDuty and a
 * heartbeat. Faults are injected through the receivers' admin API; each
 * scenario asserts which notifications arrive where, which do not, and how
 * long detection took against the bound derived in ./detection.ts from the
 * probe, scrape, evaluation, `for` and group-wait intervals (and, for the
 * failure ratio, the time the window takes to fill), plus 10 s of slack.
 * Finally every dashboard query must return data.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromYaml } from '../support/config.js';
import { emptyPanels, instantQuery } from '../support/panels.js';
import { startCli, stopAll, type Daemon } from '../support/process.js';
import { eventually } from '../support/scrape.js';
import { closedPort, freePorts } from '../support/servers.js';
import { ROOT } from '../support/tools.js';
import { pagerDutyCapture, slackCapture, webhookCapture, type Capture, type Notification } from './capture.js';
import { derivation, detectionBounds, type Bound, type Traffic } from './detection.js';

const ROUTING_KEY = 'e2e0routing0key0000000000000000a'; // 32 characters, as PagerDuty's are
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ENDPOINTS = ['clean', 'down', 'flaky', 'dlq', 'limited', 'quorum'] as const;
type Ep = (typeof ENDPOINTS)[number];

/** Intervals set through the config; detection bounds are derived from them (./detection.ts). */
const I = { scrape: 1, evaluation: 1, groupWait: 1, probe: 1, for: 4 };
const GROUP_INTERVAL = 2;
/** The config's failure_rate.window: how long a failure-ratio window holds an outage. */
const AFTERSHOCK_WINDOW = 15;
const SIM_RATE = 30;
/** The traffic and faults the config and scenarios set, which the bounds also depend on. */
const T: Traffic = { perEndpoint: SIM_RATE / ENDPOINTS.length, errorRatio: 0.2, threshold: 0.1, window: AFTERSHOCK_WINDOW, rateLimit: 10, remainingRatio: 0.2 };
const BOUNDS = detectionBounds(I, T);

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-e2e-'));
let slack: Capture;
let pagerduty: Capture;
let heartbeat: Capture;
let stack: Daemon;
let regionB: Daemon;
let prometheus = '';
let alertmanager = '';
/** The `stack` exporter's HTTP ingest (region a). */
let ingest = '';
const ports = {} as Record<Ep, number>;
const latencies: { scenario: string; seconds: number; bound: Bound }[] = [];

function configYaml(region: string, proberPort: number, exporterPort: number, urlOf: (e: Ep) => string): string {
  const ep = (e: Ep, extra = '') => `  - name: ${e}
    url: ${urlOf(e)}
    health_url: ${urlOf(e).replace('/webhook', '/webhook-health')}
    events: [payment.received]
    signing: { scheme: standard-webhooks, secret: ${SECRET} }
${extra}`;
  // flaky and limited get a loose SLO and failure threshold so only the alert
  // under test fires for them (no burn-rate page).
  const loose = '    slo: { success_ratio: 0.5 }\n';
  return `endpoints:
${ep('clean', '    checks: { signature_enforcement: { enabled: true } }\n')}${ep('down')}${ep('flaky', loose)}${ep('dlq')}${ep('limited', `${loose}    alerts: { failure_rate: { threshold: 0.95 } }\n`)}${ep('quorum')}
prober: { region: ${region}, interval: ${I.probe}s, timeout_seconds: 2, listen: 127.0.0.1:${proberPort} }
receivers:
${ENDPOINTS.map((e) => `  - { endpoint: ${e}, listen: 127.0.0.1:${ports[e]}, log: logs/receiver-${e}.jsonl, processing: { max_attempts: 1 } }`).join('\n')}
simulator:
  rate_per_second: ${SIM_RATE}
  timeout_seconds: 2
  retry: { schedule: [0s, 500ms], jitter: 0.1 }
  log: { path: logs/deliveries.jsonl }
exporter:
  listen: 127.0.0.1:${exporterPort}
  state_dir: state-${region}
  label_limit: 3
  sources:
    - { type: file, name: simulator, path: logs/deliveries.jsonl }
    - { type: file, name: receivers, path: "logs/receiver-*.jsonl" }
    - { type: http, name: push, path: /ingest }
alerts:
  scrape_interval: ${I.scrape}s
  evaluation_interval: ${I.evaluation}s
  absent_for: 1m
  failure_rate: { threshold: ${T.threshold}, for: ${I.for}s, window: ${AFTERSHOCK_WINDOW}s, min_rate_per_second: 0.1 }
  endpoint_down: { for: ${I.for}s, min_regions: 2 }
  dlq: { max_depth: 1000, growth_for: ${I.for}s }
  rate_limit: { remaining_ratio: ${T.remainingRatio}, for: ${I.for}s }
notify:
  slack: { api_url_file: secrets/slack_url, channel: "#e2e" }
  pagerduty: { routing_key_file: secrets/pd_key, url: ${pagerduty.url} }
  heartbeat: { url: ${heartbeat.url}, repeat_interval: 5s }
  routes: { critical: [pagerduty, slack], warning: [slack] }
  group_wait: ${I.groupWait}s
  group_interval: ${GROUP_INTERVAL}s
  repeat_interval: 1h
`;
}

const fault = (e: Ep, patch: object) =>
  fetch(`http://127.0.0.1:${ports[e]}/admin/faults`, { method: 'PUT', body: JSON.stringify(patch) }).then((r) => expect(r.status).toBe(200));

const has = (c: Capture, alertname: string, endpoint: string | undefined, status: 'firing' | 'resolved' = 'firing') =>
  // A grouped Slack notification names every alert it holds ("A, B"): one of them is enough.
  c.received.find((n) => n.alertname.split(', ').includes(alertname) && n.endpoint === endpoint && n.status === status);
const names = (list: readonly Notification[]) => list.map((n) => `${n.status} ${n.alertname} ${n.endpoint ?? '-'}`).sort();

const promQuery = (expr: string) => instantQuery(prometheus, expr);

beforeAll(async () => {
  [slack, pagerduty, heartbeat] = await Promise.all([slackCapture('#e2e'), pagerDutyCapture(ROUTING_KEY), webhookCapture()]);
  const free = await freePorts(ENDPOINTS.length + 4);
  ENDPOINTS.forEach((e, i) => (ports[e] = free[i]!));
  const [proberA, exporterA, proberB, exporterB] = free.slice(ENDPOINTS.length) as [number, number, number, number];
  ingest = `http://127.0.0.1:${exporterA}/ingest`;
  mkdirSync(join(dir, 'secrets'));
  writeFileSync(join(dir, 'secrets/slack_url'), `${slack.url}\n`);
  writeFileSync(join(dir, 'secrets/pd_key'), `${ROUTING_KEY}\n`);
  const local = (e: Ep) => `http://127.0.0.1:${ports[e]}/webhook`;
  writeFileSync(join(dir, 'a.yaml'), configYaml('region-a', proberA, exporterA, local));
  // Region b cannot reach `quorum` (a closed port stands for the cut-off network).
  const cut = await closedPort();
  writeFileSync(join(dir, 'b.yaml'), configYaml('region-b', proberB, exporterB, (e) => (e === 'quorum' ? `http://127.0.0.1:${cut}/webhook` : local(e))));

  regionB = startCli(['probe', '--config', join(dir, 'b.yaml')]);
  await regionB.waitFor(/msg=listening/);
  stack = startCli(['stack', '--config', join(dir, 'a.yaml'), '--dir', join(dir, 'stack'), '--scrape-prober', `127.0.0.1:${proberB}`]);
  await stack.waitFor(/files and logs/, 30_000);
  prometheus = /prometheus +(http:\S+)/.exec(stack.stdout())![1]!;
  alertmanager = /alertmanager +(http:\S+)/.exec(stack.stdout())![1]!;
  // Every target up, and the Watchdog reaching the heartbeat receiver.
  await eventually(async () => {
    const r = (await promQuery('count(up == 1)')) as { value: [number, string] }[];
    return r.length === 1 && r[0]!.value[1] === '3';
  }, 30_000, 250).catch(async (err: Error) => { throw new Error(`targets not up: ${JSON.stringify(await promQuery('up'))} (${err.message})`); });
  await eventually(() => has(heartbeat, 'Watchdog', undefined), 30_000, 250).catch((err: Error) => {
    throw new Error(`no Watchdog at the heartbeat (${err.message}); heartbeat got ${JSON.stringify(heartbeat.received)}, invalid ${JSON.stringify(heartbeat.invalid)}`);
  });
}, 90_000);

afterAll(async () => {
  stack?.child.kill('SIGINT');
  regionB?.child.kill('SIGTERM');
  await Promise.race([Promise.all([stack?.exited(), regionB?.exited()]), new Promise((r) => setTimeout(r, 15_000))]);
  stopAll();
  await Promise.all([slack?.server.close(), pagerduty?.server.close(), heartbeat?.server.close()]);
  writeLatencies();
  if (process.env.E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}, 30_000);

/** test-artifacts/e2e-detection-latency.md, and the JSON `bench/detection.mjs` reads (E2E_LATENCY_JSON). */
function writeLatencies(): void {
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'test-artifacts/e2e-detection-latency.md'), [
    '| scenario | detection (s) | bound (s) | bound derived as |', '|---|---:|---:|---|',
    ...latencies.map((l) => `| ${l.scenario} | ${l.seconds.toFixed(1)} | ${l.bound.seconds.toFixed(1)} | ${derivation(l.bound)} |`),
  ].join('\n') + '\n');
  const json = process.env.E2E_LATENCY_JSON;
  if (json) writeFileSync(json, JSON.stringify(latencies.map((l) => ({ scenario: l.scenario, seconds: l.seconds, bound: l.bound.seconds, derivation: derivation(l.bound) }))));
  console.log(latencies.map((l) => `${l.scenario}: detected in ${l.seconds.toFixed(1)} s (bound ${l.bound.seconds.toFixed(1)} s)`).join('\n'));
}

describe('alerts end to end', () => {
  it('1. clean traffic, and region b alone failing on quorum: nothing but the Watchdog', async () => {
    // Long enough for any alert with `for: ${I.for}s` to have fired and been sent.
    await new Promise((r) => setTimeout(r, (I.for + I.scrape + I.evaluation + I.groupWait + 6) * 1000));
    expect(names(slack.received)).toEqual([]);
    expect(names(pagerduty.received)).toEqual([]);
    expect(heartbeat.received.every((n) => n.alertname === 'Watchdog')).toBe(true);
    // Region b does see quorum down; the quorum of 2 keeps it from paging (scenario 6, first half).
    expect(await promQuery('webhook_probe_up{endpoint="quorum",region="region-b",check="delivery"} == 0')).toHaveLength(1);
  }, 60_000);

  it('2–6. each fault reaches the right receivers within its detection limit', async () => {
    const t0 = Date.now();
    await Promise.all([
      fault('down', { down: true }),
      fault('flaky', { error_ratio: T.errorRatio, error_status: 503 }),
      fault('dlq', { permanent_failure_ratio: 1 }),
      fault('limited', { rate_limit: { limit: T.rateLimit, window: '60s' } }),
      fault('quorum', { down: true }),
    ]);
    // Each bound is derived in ./detection.ts; the assertion allows 10 s more so a
    // loaded machine does not fail the test: `npm run bench:detection` measures
    // median and worst against the bounds themselves.
    const wait = async (scenario: string, c: Capture, alert: string, ep: Ep) => {
      const n = await eventually(() => has(c, alert, ep), 60_000, 100);
      latencies.push({ scenario, seconds: (n.at - t0) / 1000, bound: BOUNDS[scenario]! });
      return n;
    };
    await Promise.all([
      wait('2. endpoint down → PagerDuty', pagerduty, 'WebhookEndpointDown', 'down'),
      wait('2. endpoint down → Slack', slack, 'WebhookEndpointDown', 'down'),
      wait('3. 20% 5xx → Slack', slack, 'WebhookHighFailureRate', 'flaky'),
      wait('4. DLQ growing → Slack', slack, 'WebhookDLQGrowing', 'dlq'),
      wait('5. rate limit approaching → Slack', slack, 'WebhookRateLimitApproaching', 'limited'),
      wait('6. both regions cut off → PagerDuty', pagerduty, 'WebhookEndpointDown', 'quorum'),
    ]);
    for (const l of latencies) expect(l.seconds, l.scenario).toBeLessThanOrEqual(l.bound.seconds + 10);

    // Warnings never page.
    for (const n of pagerduty.received) expect(n.severity, `${n.alertname} ${n.endpoint}`).toBe('critical');
    expect(has(pagerduty, 'WebhookHighFailureRate', 'flaky')).toBeUndefined();
    // The endpoint that is down also fails every delivery, but its failure-rate
    // alert is inhibited: it fires in Prometheus, and nobody is notified.
    await eventually(async () => {
      const res = await fetch(`${alertmanager}/api/v2/alerts?filter=alertname%3D%22WebhookHighFailureRate%22&filter=endpoint%3D%22down%22`);
      const alerts = (await res.json()) as { status: { state: string; inhibitedBy: string[] } }[];
      return alerts.length > 0 && alerts.every((a) => a.status.state === 'suppressed' && a.status.inhibitedBy.length > 0);
    }, 30_000, 250);
    expect(has(slack, 'WebhookHighFailureRate', 'down')).toBeUndefined();
    expect(has(pagerduty, 'WebhookHighFailureRate', 'down')).toBeUndefined();
    // Nothing about the clean endpoint, anywhere.
    expect([...slack.received, ...pagerduty.received].filter((n) => n.endpoint === 'clean')).toEqual([]);
  }, 120_000);

  it('2. after recovery, resolved notifications arrive on both', async () => {
    await fault('down', { down: false });
    await eventually(() => has(pagerduty, 'WebhookEndpointDown', 'down', 'resolved') && has(slack, 'WebhookEndpointDown', 'down', 'resolved'), 60_000, 200);
  }, 90_000);

  it('2. one outage is one incident: one page, one resolve, and no after-shocks', async () => {
    // Past every window the e2e config shortens (failure_rate.window 15s) and
    // a group_interval: a warning whose window still holds the outage would be here by now.
    await new Promise((r) => setTimeout(r, (AFTERSHOCK_WINDOW + I.scrape + I.evaluation + I.groupWait + 2 * GROUP_INTERVAL + 3) * 1000));
    const incident = (c: Capture) => c.received.filter((n) => n.endpoint === 'down').sort((a, b) => a.at - b.at).map((n) => `${n.status} ${n.alertname}`);
    console.log(`endpoint down, one incident: pagerduty ${JSON.stringify(incident(pagerduty))}, slack ${JSON.stringify(incident(slack))}`);
    expect(incident(pagerduty)).toEqual(['firing WebhookEndpointDown', 'resolved WebhookEndpointDown']);
    expect(incident(slack)).toEqual(['firing WebhookEndpointDown', 'resolved WebhookEndpointDown']);
    // Not luck: what still fires about `down` (the 5m DLQ slope, the 30m burn window) is held by the inhibitor.
    const res = await fetch(`${alertmanager}/api/v2/alerts?filter=endpoint%3D%22down%22`);
    const held = (await res.json()) as { labels: Record<string, string>; fingerprint: string; status: { state: string; inhibitedBy: string[] } }[];
    const inhibitor = held.filter((a) => a.labels.alertname === 'WebhookOutageInhibitor').map((a) => a.fingerprint);
    const symptoms = held.filter((a) => a.labels.alertname !== 'WebhookOutageInhibitor');
    console.log(`held after recovery: ${symptoms.map((a) => `${a.labels.alertname}/${a.labels.severity} ${a.status.state}`).join(', ')}`);
    expect(inhibitor.length).toBeGreaterThan(0);
    expect(symptoms.length).toBeGreaterThan(0);
    for (const a of symptoms) expect(a.status.inhibitedBy.some((f) => inhibitor.includes(f)), a.labels.alertname).toBe(true);
  }, 90_000);

  it('every request matched the vendors\' documented formats', () => {
    expect(slack.invalid).toEqual([]);
    expect(pagerduty.invalid).toEqual([]);
    expect(heartbeat.invalid).toEqual([]);
  });

  it('every dashboard query returns data from this Prometheus', async () => {
    // Exercise what the scenarios above do not: a DLQ replay, a config
    // reload, and an imported log with bad lines and too many endpoints.
    const replay = await fetch(`http://127.0.0.1:${ports.dlq}/dlq/replay`, { method: 'POST' });
    expect(((await replay.json()) as { replayed: number }).replayed).toBeGreaterThan(0);
    regionB.child.kill('SIGHUP');
    await regionB.waitFor(/config reloaded/);
    const now = new Date().toISOString();
    // An ingest batch under a key, and its retry (answered as a replay).
    const batch = `${JSON.stringify({ ts: now, event_id: 'push_1', event_type: 'payment.received', endpoint: 'clean', status: 200, duration_ms: 5 })}\n`;
    for (const replayed of [null, 'true']) {
      const res = await fetch(ingest, { method: 'POST', body: batch, headers: { 'idempotency-key': 'e2e-1' } });
      expect([res.status, res.headers.get('idempotent-replayed')]).toEqual([200, replayed]);
    }
    writeFileSync(join(dir, 'logs/receiver-zz-imported.jsonl'), [
      'not json at all',
      '{"ts":"yesterday","event_id":"e","event_type":"t","endpoint":"clean"}',
      ...Array.from({ length: 6 }, (_, i) => JSON.stringify({ ts: now, event_id: `imp_${i}`, event_type: 'payment.received', url: `https://unknown-${i}.example.com/hook`, status: 200, duration_ms: 12 })),
    ].join('\n') + '\n');
    const config = configFromYaml(configYaml('region-a', 1, 2, (e) => `http://127.0.0.1:${ports[e]}/webhook`));
    const unexpected = (list: string[]) => list.filter((e) => !NO_DATA_HERE.some((p) => e.startsWith(`${p}:`)));
    // New counters need two scrapes before rate() has a value: poll a while.
    let empty = await emptyPanels(config, promQuery);
    for (let i = 0; i < 40 && unexpected(empty).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      empty = await emptyPanels(config, promQuery);
    }
    expect(unexpected(empty)).toEqual([]);
    // The exceptions stay honest: each is really empty here.
    for (const p of NO_DATA_HERE) expect(empty.some((e) => e.startsWith(`${p}:`)), p).toBe(true);
  }, 60_000);
});

/**
 * Panels that cannot have data in this run, each for a reason outside the
 * dashboards: listed so that any other empty panel fails the test.
 */
const NO_DATA_HERE: string[] = [
  // The reference receivers speak plain HTTP, so no certificate is probed.
  'hookwatch-endpoint / TLS certificate expires in',
];
