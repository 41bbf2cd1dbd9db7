/**
 * docker-compose.yml, run: `docker-compose --profile demo up` of the shipped file on rootful
 * podman 4.3 behind its Docker API (Debian's docker-compose 1.29), with locally built images
 * under the pinned tags (scripts/ensure-container-engine.sh). The override this test writes
 * only
 *  (a) leaves out Grafana (it has no build for this machine; its files are checked statically),
 *  (b) points Alertmanager's Slack and PagerDuty receivers at a capture service inside the
 *      compose network (new secret files, and an Alertmanager folder whose PagerDuty URL is the
 *      capture's: that URL is no secret), with a fast rule build of the compose config (5 s
 *      scrape and evaluation, `for: 10s`, 5 s group_wait) so an outage notifies within a minute,
 *      and payments-primary paging as an endpoint you add would.
 * Nothing else is changed: the images, commands, volumes, secrets mounts, healthchecks, ports
 * (published on free ports through the .env variables) and the hookwatch config are shipped.
 * Where no engine can be set up (not root, no apt-get) it skips with one line, except under
 * CI=true.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSE_TARGETS, buildFiles } from '../../../cli/build-files.js';
import { METRICS } from '../../../catalog/index.js';
import { loadConfig } from '../../../config/index.js';
import type { Notification } from '../../e2e/capture.js';
import { heavySuiteLock } from '../../support/heavy-lock.js';
import { eventually } from '../../support/scrape.js';
import { freePorts } from '../../support/servers.js';
import { ROOT } from '../../support/tools.js';
import { engineUnavailable, ensureEngine, keepIpForward, podman, startApiService, startHealthTicker, type Service } from './engine.js';

const execFileP = promisify(execFile);
const unavailable = await engineUnavailable();
const CI = process.env.CI === 'true';
if (unavailable && !CI) console.warn(`compose stack test skipped: ${unavailable}`);

const PROJECT = `hwcompose${process.pid}`;
const ROUTING_KEY = 'compose0e2e0routing0key000000000'; // 32 characters, as PagerDuty's are
const CHANNEL = '#webhooks';
const SERVICES = ['hookwatch', 'receivers', 'simulator', 'prometheus', 'alertmanager', 'capture'];

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-compose-'));
let release: (() => Promise<void>) | undefined;
let restoreForward: (() => void) | undefined;
let api: Service | undefined;
let ticker: { stop(): Promise<void> } | undefined;
let up = false;
let port: Record<'prober' | 'exporter' | 'prometheus' | 'alertmanager' | 'capture', number>;
let amStatus: { config: { original: string } };
let mountedSecrets: Record<string, string> = {};
const timings: string[] = [];

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  writeFileSync(path, content, { mode: 0o644 });
}

/** The compose config with the e2e's intervals, and payments-primary paging (no override). */
function fastBuild(): void {
  const demo = parseYaml(readFileSync(join(ROOT, 'deploy/hookwatch/demo.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
  demo.alerts = { ...demo.alerts, scrape_interval: '5s', evaluation_interval: '5s', endpoint_down: { ...(demo.alerts!.endpoint_down as object), for: '10s' } };
  const notify = demo.notify!;
  demo.notify = {
    ...notify,
    pagerduty: { ...(notify.pagerduty as object), url: 'http://capture:8080/v2/enqueue' },
    overrides: (notify.overrides as { endpoint?: string }[]).filter((o) => o.endpoint !== 'payments-primary'),
    group_wait: '5s',
    group_interval: '10s',
  };
  write(join(dir, 'fast/hookwatch.yaml'), stringify(demo));
  // The compose network's addresses, as npm run generate passes them (a build defaults to the config's own).
  for (const f of buildFiles(loadConfig(join(dir, 'fast/hookwatch.yaml'), { env: {} }), COMPOSE_TARGETS)) {
    if (f.path.startsWith('prometheus/') || f.path.startsWith('alertmanager/')) write(join(dir, 'fast', f.path), f.content);
  }
}

/** test/e2e/capture.ts (and what it imports) as plain JavaScript next to capture-service.mjs. */
function captureService(): void {
  for (const src of ['e2e/capture.ts', 'support/servers.ts', 'support/certs.ts']) {
    const out = ts.transpileModule(readFileSync(join(ROOT, 'test', src), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    write(join(dir, 'capture', src.replace(/\.ts$/, '.js')), out.outputText);
  }
  write(join(dir, 'capture/capture-service.mjs'), readFileSync(join(ROOT, 'test/integration/compose/capture-service.mjs'), 'utf8'));
}

function override(): string {
  return stringify({
    services: {
      grafana: { profiles: ['grafana'] }, // not named by --profile demo: left out
      prometheus: { volumes: [`${dir}/fast/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro`, `${dir}/fast/prometheus/rules:/etc/prometheus/rules:ro`] },
      alertmanager: { depends_on: ['capture'], volumes: [`${dir}/fast/alertmanager:/etc/alertmanager:ro`] },
      capture: {
        image: 'node:20-bookworm-slim',
        command: ['node', '/capture/capture-service.mjs'],
        environment: { SLACK_CHANNEL: CHANNEL, PAGERDUTY_ROUTING_KEY: ROUTING_KEY },
        volumes: [`${dir}/capture:/capture:ro`],
        ports: [`127.0.0.1:${port.capture}:8080`],
      },
    },
    secrets: {
      slack_webhook_url: { file: `${dir}/secrets/slack_webhook_url` },
      pagerduty_routing_key: { file: `${dir}/secrets/pagerduty_routing_key` },
    },
  });
}

async function compose(args: string[], timeoutMs = 300_000): Promise<string> {
  const env = {
    ...process.env,
    DOCKER_HOST: api!.dockerHost,
    COMPOSE_HTTP_TIMEOUT: '300',
    HOOKWATCH_PROBER_PORT: String(port.prober),
    HOOKWATCH_EXPORTER_PORT: String(port.exporter),
    PROMETHEUS_PORT: String(port.prometheus),
    ALERTMANAGER_PORT: String(port.alertmanager),
  };
  try {
    const r = await execFileP('docker-compose', ['-p', PROJECT, '-f', join(ROOT, 'docker-compose.yml'), '-f', join(dir, 'override.yml'), ...args], { cwd: ROOT, env, timeout: timeoutMs, maxBuffer: 16 << 20 });
    return r.stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`docker-compose ${args.join(' ')}: ${e.message}\n${e.stderr ?? ''}`);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const prom = <T>(path: string) => getJson<{ data: T }>(`http://127.0.0.1:${port.prometheus}${path}`).then((r) => r.data);

async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  const v = await fn();
  timings.push(`${what} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return v;
}

async function tearDown(): Promise<void> {
  if (!up) return;
  up = false;
  await timed('down -v', () => compose(['--profile', 'demo', 'down', '-v', '--remove-orphans', '--timeout', '10']));
}

describe.skipIf(unavailable !== undefined && !CI)('docker-compose.yml under podman 4.3 and docker-compose 1.29', () => {
  beforeAll(async () => {
    if (unavailable) throw new Error(`CI=true, and no container engine: ${unavailable}`);
    release = await heavySuiteLock('compose');
    restoreForward = keepIpForward();
    await timed('engine and images', () => ensureEngine());
    const [prober, exporter, prometheus, alertmanager, capture] = await freePorts(5);
    port = { prober: prober!, exporter: exporter!, prometheus: prometheus!, alertmanager: alertmanager!, capture: capture! };
    chmodSync(dir, 0o755); // Prometheus and Alertmanager run as nobody
    fastBuild();
    captureService();
    write(join(dir, 'secrets/slack_webhook_url'), 'http://capture:8080/services/T000/B000/compose\n');
    write(join(dir, 'secrets/pagerduty_routing_key'), `${ROUTING_KEY}\n`);
    write(join(dir, 'override.yml'), override());
    api = await startApiService(join(dir, 'podman.sock'));
    ticker = startHealthTicker(PROJECT);
    up = true;
    // Alertmanager first, and only once it runs with the capture's secrets does anything that
    // can fire start.
    await timed('up capture alertmanager', () => compose(['up', '-d', 'capture', 'alertmanager']));
    amStatus = await eventually(() => getJson<typeof amStatus>(`http://127.0.0.1:${port.alertmanager}/api/v2/status`), 60_000, 500);
    for (const name of ['slack_webhook_url', 'pagerduty_routing_key']) mountedSecrets[name] = (await compose(['exec', '-T', 'alertmanager', 'cat', `/run/secrets/${name}`])).trim();
    if (mountedSecrets.slack_webhook_url !== 'http://capture:8080/services/T000/B000/compose' || mountedSecrets.pagerduty_routing_key !== ROUTING_KEY) {
      throw new Error(`Alertmanager does not read the capture's secrets: ${JSON.stringify(mountedSecrets)}`);
    }
    await timed('up --profile demo', () => compose(['--profile', 'demo', 'up', '-d']));
  }, 20 * 60_000);

  afterAll(async () => {
    try {
      await tearDown().catch((err: Error) => console.error(err.message));
      await ticker?.stop();
      await api?.stop();
      restoreForward?.();
      rmSync(dir, { recursive: true, force: true });
      if (timings.length) console.log(`compose stack test: ${timings.join(', ')}`);
    } finally {
      await release?.();
    }
  }, 120_000);

  it('runs every service but Grafana', async () => {
    const running = (await compose(['ps', '--services', '--filter', 'status=running'])).split('\n').filter(Boolean).sort();
    expect(running).toEqual([...SERVICES].sort());
  });

  it('Prometheus scrapes every target (prober, exporter) and found Alertmanager', async () => {
    type Targets = { activeTargets: { labels: { job: string }; health: string; lastError: string }[] };
    const targets = await timed('targets up', () => eventually(async () => {
      const t = (await prom<Targets>('/api/v1/targets')).activeTargets;
      return t.length > 0 && t.every((x) => x.health === 'up') && t;
    }, 120_000, 1000));
    expect(targets.map((t) => t.labels.job).sort()).toEqual(['hookwatch-exporter', 'hookwatch-prober']);
    const ams = await eventually(async () => {
      const a = (await prom<{ activeAlertmanagers: { url: string }[] }>('/api/v1/alertmanagers')).activeAlertmanagers;
      return a.length > 0 && a;
    }, 60_000, 1000);
    expect(ams.map((a) => a.url)).toEqual(['http://alertmanager:9093/api/v2/alerts']);
  }, 180_000);

  it('Prometheus loaded the generated rules, and every rule evaluates', async () => {
    type Rules = { groups: { name: string; rules: { name: string; health: string; lastError?: string }[] }[] };
    const expected = readdirRules();
    const groups = await timed('rules ok', () => eventually(async () => {
      const g = (await prom<Rules>('/api/v1/rules')).groups;
      return g.length === expected.length && g.every((x) => x.rules.every((r) => r.health === 'ok')) && g;
    }, 180_000, 2000));
    expect(groups.map((g) => g.name).sort()).toEqual(expected);
  }, 240_000);

  it('Alertmanager loaded its config, and reads the secrets from the files mounted under /run/secrets', () => {
    const original = amStatus.config.original;
    expect(original).toContain('api_url_file: /run/secrets/slack_webhook_url');
    expect(original).toContain('routing_key_file: /run/secrets/pagerduty_routing_key');
    expect(original).not.toContain(ROUTING_KEY);
    expect(mountedSecrets).toEqual({ slack_webhook_url: 'http://capture:8080/services/T000/B000/compose', pagerduty_routing_key: ROUTING_KEY });
  });

  it("has the demo's series: probes, deliveries and receiver events of both endpoints", async () => {
    for (const metric of [METRICS.probeUp.name, METRICS.deliveries.name, METRICS.eventsProcessed.name]) {
      const endpoints = await eventually(async () => {
        const r = await prom<{ result: { metric: { endpoint: string } }[] }>(`/api/v1/query?query=${encodeURIComponent(`count by (endpoint) (${metric})`)}`);
        const e = r.result.map((x) => x.metric.endpoint).sort();
        return e.length === 2 && e;
      }, 120_000, 2000);
      expect(endpoints, metric).toEqual(['payments-backup', 'payments-primary']);
    }
  }, 300_000);

  it('the hookwatch container reports healthy (the image HEALTHCHECK), as do the receivers', async () => {
    const health = async (service: string) => {
      const id = (await compose(['ps', '-q', service])).trim();
      return (await podman(['inspect', '--format', '{{.State.Health.Status}}', id])).trim();
    };
    expect(await eventually(async () => (await health('hookwatch')) === 'healthy' && 'healthy', 60_000, 1000)).toBe('healthy');
    expect(await health('receivers')).toBe('healthy');
  }, 90_000);

  it('an outage injected through the receiver admin API reaches Slack and PagerDuty in their formats, and resolves', async () => {
    type Captured = { slack: { received: Notification[]; invalid: string[] }; pagerduty: { received: Notification[]; invalid: string[] }; stray: string[] };
    const captured = () => getJson<Captured>(`http://127.0.0.1:${port.capture}/_captured`);
    const fault = (down: boolean) => compose(['exec', '-T', 'receivers', 'node', '-e',
      `fetch('http://127.0.0.1:8601/admin/faults', { method: 'PUT', body: '{"down": ${down}}' }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`]);
    const down = (n: Notification, status: Notification['status'], since: number) => n.alertname === 'WebhookEndpointDown' && n.endpoint === 'payments-primary' && n.status === status && n.at >= since;
    const both = (status: Notification['status'], since: number) => async () => {
      const c = await captured();
      return c.slack.received.some((n) => down(n, status, since)) && c.pagerduty.received.some((n) => down(n, status, since)) && c;
    };
    // The prober may have found the receivers not started yet: only an endpoint with no
    // WebhookEndpointDown pending or firing is broken, so what arrives is this outage's.
    const active = `ALERTS{alertname="WebhookEndpointDown",endpoint="payments-primary"}`;
    await eventually(async () => (await prom<{ result: unknown[] }>(`/api/v1/query?query=${encodeURIComponent(active)}`)).result.length === 0, 180_000, 1000);
    const broken = Date.now();
    await fault(true);
    await timed('outage notified', () => eventually(both('firing', broken), 180_000, 1000));
    const recovered = Date.now();
    await fault(false);
    const c = await timed('recovery notified', () => eventually(both('resolved', recovered), 180_000, 1000));
    expect(c.pagerduty.received.find((n) => down(n, 'firing', broken))?.severity).toBe('critical');
    expect(c.slack.invalid).toEqual([]);
    expect(c.pagerduty.invalid).toEqual([]);
    expect(c.stray).toEqual([]);
  }, 400_000);

  it('docker-compose down -v leaves no container, network or volume behind', async () => {
    await tearDown();
    const label = `label=com.docker.compose.project=${PROJECT}`;
    expect((await podman(['ps', '-a', '-q', '--filter', label])).trim()).toBe('');
    expect((await podman(['network', 'ls', '--format', '{{.Name}}'])).split('\n').filter((n) => n.startsWith(PROJECT))).toEqual([]);
    expect((await podman(['volume', 'ls', '--format', '{{.Name}}'])).split('\n').filter((n) => n.startsWith(PROJECT))).toEqual([]);
  }, 120_000);
});

/** The rule groups of the fast build, by name. */
function readdirRules(): string[] {
  const names: string[] = [];
  for (const f of ['hookwatch-alerts.yml', 'hookwatch-recording.yml']) {
    const doc = parseYaml(readFileSync(join(dir, 'fast/prometheus/rules', f), 'utf8')) as { groups: { name: string }[] };
    names.push(...doc.groups.map((g) => g.name));
  }
  return names.sort();
}
