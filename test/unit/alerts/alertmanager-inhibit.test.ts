/**
 * Inhibition, which amtool cannot test: the generated alertmanager.yml runs
 * in a real Alertmanager 0.25 and the API reports which alerts are muted
 * and by what (`status.inhibitedBy`).
 *
 * Debian's Alertmanager binary loads /usr/share/prometheus/alertmanager/default.tmpl;
 * `npm run tools` (scripts/fetch-prometheus-tools.sh) installs it there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTMANAGER_FILE } from '../../../alerts/index.js';
import { tool } from '../../support/tools.js';
import { loadCase, writeGenerated } from './support.js';

type Labels = Record<string, string>;
interface ApiAlert { labels: Labels; fingerprint: string; status: { state: string; inhibitedBy: string[] } }

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

let am: ChildProcess | undefined;
let base = '';

async function waitReady(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/-/ready`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Alertmanager did not become ready');
}

const ALERTS: Labels[] = [
  { alertname: 'WebhookEndpointDown', severity: 'critical', endpoint: 'a' },
  { alertname: 'WebhookHighFailureRate', severity: 'warning', endpoint: 'a' },
  { alertname: 'WebhookResponseTimeDegraded', severity: 'warning', condition: 'relative', endpoint: 'a' },
  { alertname: 'WebhookDLQGrowing', severity: 'warning', condition: 'depth', endpoint: 'a' },
  { alertname: 'WebhookHighFailureRate', severity: 'warning', endpoint: 'b' },
  { alertname: 'WebhookResponseTimeDegraded', severity: 'critical', condition: 'absolute', endpoint: 'c' },
  { alertname: 'WebhookResponseTimeDegraded', severity: 'warning', condition: 'absolute', endpoint: 'c' },
  { alertname: 'WebhookResponseTimeDegraded', severity: 'warning', condition: 'relative', endpoint: 'd' },
  { alertname: 'WebhookSignatureRejected', severity: 'critical', endpoint: 'e' },
  { alertname: 'WebhookTLSCertExpiring', severity: 'warning', endpoint: 'e' },
];

/** Alerts as the API reports them, once the inhibitor has seen every source alert. */
async function alertsWithStatus(): Promise<ApiAlert[]> {
  let got: ApiAlert[] = [];
  for (let i = 0; i < 50; i++) {
    got = await (await fetch(`${base}/api/v2/alerts`)).json() as ApiAlert[];
    if (got.length === ALERTS.length && got.filter((a) => a.status.inhibitedBy.length > 0).length >= 3) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  return got;
}

const key = (l: Labels) => [l.alertname, l.severity, l.condition ?? '', l.endpoint].join('/');

describe('Alertmanager 0.25 inhibition with the generated config', () => {
  beforeAll(async () => {
    const dir = writeGenerated(loadCase('basic'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const templates = '/usr/share/prometheus/alertmanager/default.tmpl';
    if (!existsSync(templates)) throw new Error(`${templates} is missing: run "npm run tools" (scripts/fetch-prometheus-tools.sh)`);
    am = spawn(tool('prometheus-alertmanager'), [
      `--config.file=${join(dir, ALERTMANAGER_FILE)}`,
      `--storage.path=${mkdtempSync(join(tmpdir(), 'hookwatch-am-'))}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ], { stdio: 'ignore' });
    await waitReady();
    const startsAt = new Date().toISOString();
    const res = await fetch(`${base}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ALERTS.map((labels) => ({ labels, annotations: { summary: 'test' }, startsAt }))),
    });
    expect(res.ok).toBe(true);
  });

  afterAll(() => {
    am?.kill('SIGTERM');
  });

  it('mutes failure-rate and latency alerts of a down endpoint, and warnings under a critical of the same alert', async () => {
    const got = await alertsWithStatus();
    const byFingerprint = new Map(got.map((a) => [a.fingerprint, a]));
    const state = Object.fromEntries(got.map((a) => [
      key(a.labels),
      a.status.inhibitedBy.map((f) => key(byFingerprint.get(f)?.labels ?? {})).join(' ') || a.status.state,
    ]));
    expect(state).toEqual({
      'WebhookEndpointDown/critical//a': 'active',
      // Down endpoint mutes its failure-rate and latency alerts …
      'WebhookHighFailureRate/warning//a': 'WebhookEndpointDown/critical//a',
      'WebhookResponseTimeDegraded/warning/relative/a': 'WebhookEndpointDown/critical//a',
      // … but not its other alerts, nor other endpoints.
      'WebhookDLQGrowing/warning/depth/a': 'active',
      'WebhookHighFailureRate/warning//b': 'active',
      // Critical mutes the warning of the same alert and endpoint only.
      'WebhookResponseTimeDegraded/critical/absolute/c': 'active',
      'WebhookResponseTimeDegraded/warning/absolute/c': 'WebhookResponseTimeDegraded/critical/absolute/c',
      'WebhookResponseTimeDegraded/warning/relative/d': 'active',
      'WebhookSignatureRejected/critical//e': 'active',
      'WebhookTLSCertExpiring/warning//e': 'active',
    });
  });
});
