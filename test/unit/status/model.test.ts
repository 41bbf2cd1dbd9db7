/**
 * The JSON API model from known probe results, and secrets kept out of it
 * and out of the rendered page.
 */
import { describe, expect, it } from 'vitest';
import { buildTargets } from '../../../prober/targets.js';
import { historyLimits, StatusHistory } from '../../../status/history.js';
import { buildStatus } from '../../../status/model.js';
import { historyText, renderPage } from '../../../status/page/html.js';
import { configFromYaml } from '../../support/config.js';
import { failure, outcome } from './outcomes.js';

const SECRETS = ['whsec_c2VjcmV0LWZvci1zdGF0dXMtdGVzdA', 'Bearer tok_live_7f3a9b2c', 'p4ssw0rd-in-url', 'qs-token-99812', 'health-apikey-1234'] as const;

const config = configFromYaml(`
endpoints:
  - name: primary
    url: http://user:${SECRETS[2]}@127.0.0.1:1/webhook?token=${SECRETS[3]}
    health_url: http://127.0.0.1:1/health?apikey=${SECRETS[4]}
    headers: { Authorization: "${SECRETS[1]}" }
    signing: { scheme: standard-webhooks, secret: ${SECRETS[0]} }
  - name: backup
    url: http://127.0.0.1:2/webhook
    signing: { scheme: none }
prober: { history_size: 100 }
grafana: { url: "https://grafana.example/" }
`);
const targets = buildTargets(config);
const NOW = 10_000;

function model() {
  const history = new StatusHistory(config.prober.historySize);
  // primary/delivery: 9 successes then a failure whose reason quotes secrets (it must be masked).
  for (let i = 0; i < 9; i++) history.record(outcome(NOW - 100 + i * 10, { durationSeconds: 0.01 * (i + 1) }));
  history.record(failure(NOW - 5, { result: 'http_error', status: 401, durationSeconds: 0.2, phases: { connect: 0.001, ttfb: 0.19 }, detail: `401 for ${SECRETS[0]} with ${SECRETS[1]}`, requestHeaders: { authorization: SECRETS[1], 'webhook-signature': 'v1,abc' } }));
  history.record(outcome(NOW - 50, { check: 'health', status: 200 }));
  return buildStatus({ config, targets, history, now: NOW, version: '9.9.9' });
}

describe('status model', () => {
  it('one entry per endpoint, one row per enabled check, in config order', () => {
    const m = model();
    expect(m.endpoints.map((e) => [e.name, e.checks.map((c) => c.check)])).toEqual([
      ['primary', ['delivery', 'health']],
      ['backup', ['delivery']],
    ]);
    expect(m.summary).toEqual({ up: 1, degraded: 0, down: 1, unknown: 1, checks: 3, endpoints: 2 });
    expect(m).toMatchObject({ generatedAt: NOW, version: '9.9.9', historySize: 100 });
  });

  it('states, uptime, ticks and the last probe of each row', () => {
    const [primary, backup] = model().endpoints;
    expect(primary?.state).toBe('down');
    const delivery = primary!.checks[0]!;
    expect(delivery.state).toBe('down');
    expect(delivery.uptime.hour).toEqual({ ratio: 0.9, probes: 10, windowSeconds: 3600, coveredSeconds: 100 });
    expect(delivery.recent).toHaveLength(10);
    expect(delivery.recent[0]).toEqual({ t: NOW - 100, result: 'success', success: true, degraded: false, status: 202, seconds: 0.01, detail: '' });
    expect(delivery.last).toMatchObject({ t: NOW - 5, result: 'http_error', status: 401, seconds: 0.2, phases: { connect: 0.001, ttfb: 0.19 } });
    expect(primary!.checks[1]).toMatchObject({ check: 'health', state: 'up', uptime: { hour: { ratio: 1, probes: 1 } } });
    expect(backup).toMatchObject({ state: 'unknown', checks: [{ state: 'unknown', last: null, recent: [] }], delivery: null });
  });

  it('latency of the endpoint from all its checks', () => {
    const lat = model().endpoints[0]!.latency;
    expect(lat.recent.probes).toBe(11);
    expect(lat.recent.p95).toBe(0.2);
    expect(lat.t.length).toBeGreaterThan(1);
  });

  it('links /metrics and, with grafana.url, every dashboard', () => {
    const m = model();
    expect(m.links.metrics).toBe('/metrics');
    expect(m.links.grafana.map((g) => g.url)).toContain('https://grafana.example/d/hookwatch-overview');
    expect(m.endpoints[0]!.dashboard).toBe('https://grafana.example/d/hookwatch-endpoint?var-endpoint=primary');
    const bare = buildStatus({ config: configFromYaml('endpoints: [{ name: a, url: "http://127.0.0.1:1/" }]'), targets: [], history: new StatusHistory(1), now: 0, version: 'x' });
    expect(bare.links.grafana).toEqual([]);
  });

  it('never contains a secret, in the JSON or in the page', () => {
    const m = model();
    const json = JSON.stringify(m);
    const html = renderPage(m);
    for (const s of [...SECRETS, 'tok_live_7f3a9b2c', 'v1,abc']) {
      expect(json).not.toContain(s);
      expect(html).not.toContain(s);
    }
    // The failure reason is still there, masked.
    expect(m.endpoints[0]!.checks[0]!.reason).toBe('401 for <secret> with <secret>');
  });

  it('says what history span is kept, and when the memory budget shortened it', () => {
    const names = Array.from({ length: 200 }, (_, i) => `  - name: ep-${i}\n    url: http://127.0.0.1:1/e${i}\n    signing: { scheme: none }`).join('\n');
    const fleet = configFromYaml(`endpoints:\n${names}\nprober: { interval: 60s, history_size: 1440, history_memory_mib: 1 }\n`);
    const fleetTargets = buildTargets(fleet);
    const history = new StatusHistory(historyLimits(fleet));
    history.sync(fleetTargets, historyLimits(fleet));
    history.record(outcome(NOW, { endpoint: 'ep-0' }));
    const m = buildStatus({ config: fleet, targets: fleetTargets, history, now: NOW, version: 'x' });
    expect(m.history.limitedBy).toBe('memory_budget');
    expect(m.history.probesPerCheck).toBeLessThan(1440);
    expect(m.history.probesPerCheck * 200 * 44).toBeLessThanOrEqual(2 ** 20);
    expect(m.history.spanSeconds).toBe(m.history.probesPerCheck * 60);
    expect(m.endpoints[0]!.checks[0]!.historySeconds).toBe(m.history.probesPerCheck * 60);
    expect(historyText(m)).toMatch(/^\d+ probes per check \(\d+ min at the fastest check\), shortened to fit the 1 MiB memory budget$/);
    expect(renderPage(m)).toContain(historyText(m));
    // Within budget: history_size decides.
    expect(model().history).toMatchObject({ probesPerCheck: 100, limitedBy: 'history_size' });
  });
});
