/**
 * `hookwatch up` smoke test: one process with two reference receivers, the
 * simulator, the exporter and the prober; within seconds the two /metrics
 * endpoints show deliveries, retries, probes, DLQ depth and rate-limit
 * headroom, SIGHUP reloads, and Ctrl-C stops everything with exit code 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { startCli, stopAll } from '../../support/process.js';
import { eventually, sample, scrape } from '../../support/scrape.js';
import { freePorts } from '../../support/servers.js';

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-up-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

const sum = (text: string, name: string, labels: Record<string, string> = {}): number => {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) total += Number(line.split(' ').pop());
  }
  return total;
};

it('runs the whole demo in one process and stops cleanly', async () => {
  const [p1, p2, prober, exporter] = await freePorts(4);
  const file = join(dir, 'demo.yaml');
  writeFileSync(file, `endpoints:
  - name: primary
    url: http://127.0.0.1:${p1}/webhook
    health_url: http://127.0.0.1:${p1}/webhook-health
    signing: { scheme: standard-webhooks, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }
  - name: backup
    url: http://127.0.0.1:${p2}/webhook
    signing: { scheme: stripe, secret: whsec_backup }
prober: { schedule: "* * * * * *", listen: 127.0.0.1:${prober} }
receivers:
  - { endpoint: primary, listen: 127.0.0.1:${p1}, log: logs/receiver-primary.jsonl }
  - endpoint: backup
    listen: 127.0.0.1:${p2}
    log: logs/receiver-backup.jsonl
    processing: { max_attempts: 1 }
    faults: { error_ratio: 0.2, rate_limit: { limit: 10, window: 2s }, permanent_failure_ratio: 0.3 }
simulator:
  rate_per_second: 20
  retry: { schedule: [0s, 200ms, 400ms], jitter: 0.1 }
  log: { path: logs/deliveries.jsonl }
exporter:
  listen: 127.0.0.1:${exporter}
  state_dir: state
  sources:
    - { type: file, path: logs/deliveries.jsonl }
    - { type: file, path: "logs/receiver-*.jsonl" }
`);
  const up = startCli(['up', '--config', file]);
  await up.waitFor(/Press Ctrl-C/);
  expect(up.stdout()).toMatch(new RegExp(`prober metrics +http://127.0.0.1:${prober}/metrics`));
  const exp = await eventually(async () => {
    const t = await scrape(`http://127.0.0.1:${exporter}/metrics`);
    const ready = sum(t, 'webhook_deliveries_total') > 20 && sum(t, 'webhook_delivery_retries_total') > 0
      && sum(t, 'webhook_dlq_depth') > 0 && sample(t, 'webhook_rate_limit_remaining', { endpoint: 'backup' }) !== undefined
      && sum(t, 'webhook_events_processed_total') > 0;
    return ready ? t : undefined;
  }, 20_000, 250);
  expect(sum(exp, 'webhook_deliveries_total', { endpoint: 'primary', status_class: '2xx' })).toBeGreaterThan(0);
  expect(sum(exp, 'webhook_delivery_failures_total', { endpoint: 'backup' })).toBeGreaterThan(0);
  const prb = await eventually(async () => {
    const t = await scrape(`http://127.0.0.1:${prober}/metrics`);
    return sum(t, 'webhook_probes_total', { endpoint: 'primary', result: 'success' }) >= 2 ? t : undefined;
  });
  expect(sample(prb, 'webhook_probe_up', { endpoint: 'primary', check: 'health' })).toBe(1);
  expect(sum(prb, 'webhook_probes_total', { endpoint: 'backup' })).toBeGreaterThan(0);
  // SIGHUP reloads the parts that can take a new config and names the one that cannot.
  up.child.kill('SIGHUP');
  await up.waitFor(/component=up msg="config reloaded"/);
  expect(up.stderr()).toMatch(/component=up msg="reload not supported; restart to apply changes" part=simulator\n/);
  expect(sample(await scrape(`http://127.0.0.1:${prober}/metrics`), METRICS.configReloads.name, { result: 'success' })).toBe(1);
  up.child.kill('SIGINT');
  expect(await up.exited()).toBe(0);
}, 60_000);
