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

const inhibitor = (condition: 'recently_down' | 'budget', endpoint: string): Labels => ({ alertname: 'WebhookOutageInhibitor', severity: 'info', condition, endpoint });
const burn = (severity: string, endpoint: string): Labels => ({ alertname: 'WebhookErrorBudgetBurn', severity, slo: '0.999', endpoint });

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
  burn('critical', 'a'),
  { alertname: 'WebhookHighRetryRate', severity: 'warning', endpoint: 'a' },
  // f recovered a minute ago, g an hour ago: only their inhibitor is left.
  inhibitor('recently_down', 'f'), inhibitor('budget', 'f'), burn('critical', 'f'),
  { alertname: 'WebhookHighFailureRate', severity: 'warning', endpoint: 'f' },
  { alertname: 'WebhookDLQGrowing', severity: 'warning', condition: 'growth', endpoint: 'f' },
  inhibitor('budget', 'g'), burn('warning', 'g'),
  { alertname: 'WebhookHighFailureRate', severity: 'warning', endpoint: 'g' },
];
const INHIBITED = 10;

/** Alerts as the API reports them, once the inhibitor has seen every source alert. */
async function alertsWithStatus(): Promise<ApiAlert[]> {
  let got: ApiAlert[] = [];
  for (let i = 0; i < 50; i++) {
    got = await (await fetch(`${base}/api/v2/alerts`)).json() as ApiAlert[];
    if (got.length === ALERTS.length && got.filter((a) => a.status.inhibitedBy.length > 0).length >= INHIBITED) return got;
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

  it('groups by endpoint: one notification group per endpoint and receiver, whatever the alert', async () => {
    await alertsWithStatus();
    type Group = { labels: Labels; receiver: { name: string }; alerts: ApiAlert[] };
    const groups = await (await fetch(`${base}/api/v2/alerts/groups`)).json() as Group[];
    const pagerduty = groups.filter((g) => g.receiver.name === 'pagerduty');
    expect(pagerduty.map((g) => g.labels).sort((x, y) => x.endpoint!.localeCompare(y.endpoint!))).toEqual(['a', 'c', 'e', 'f'].map((endpoint) => ({ endpoint })));
    const a = pagerduty.find((g) => g.labels.endpoint === 'a')!;
    expect(a.alerts.map((x) => x.labels.alertname).sort()).toEqual(['WebhookEndpointDown', 'WebhookErrorBudgetBurn']);
  });

  afterAll(() => {
    am?.kill('SIGTERM');
  });

  it('mutes the symptom alerts of a down or recovering endpoint, and warnings under a critical of the same alert', async () => {
    const got = await alertsWithStatus();
    const byFingerprint = new Map(got.map((a) => [a.fingerprint, a]));
    const state = Object.fromEntries(got.map((a) => [
      key(a.labels),
      a.status.inhibitedBy.map((f) => key(byFingerprint.get(f)?.labels ?? {})).join(' ') || a.status.state,
    ]));
    expect(state).toEqual({
      'WebhookEndpointDown/critical//a': 'active',
      // Down endpoint mutes its symptom alerts, the burn-rate page included …
      'WebhookHighFailureRate/warning//a': 'WebhookEndpointDown/critical//a',
      'WebhookResponseTimeDegraded/warning/relative/a': 'WebhookEndpointDown/critical//a',
      'WebhookDLQGrowing/warning/depth/a': 'WebhookEndpointDown/critical//a',
      'WebhookHighRetryRate/warning//a': 'WebhookEndpointDown/critical//a',
      'WebhookErrorBudgetBurn/critical//a': 'WebhookEndpointDown/critical//a',
      // … but not other endpoints.
      'WebhookHighFailureRate/warning//b': 'active',
      // After recovery the inhibitor mutes what the windows still hold: minutes for the symptoms …
      'WebhookOutageInhibitor/info/recently_down/f': 'active',
      'WebhookOutageInhibitor/info/budget/f': 'active',
      'WebhookHighFailureRate/warning//f': 'WebhookOutageInhibitor/info/recently_down/f',
      'WebhookDLQGrowing/warning/growth/f': 'WebhookOutageInhibitor/info/recently_down/f',
      'WebhookErrorBudgetBurn/critical//f': 'WebhookOutageInhibitor/info/budget/f',
      // … hours for the budget alerts, which alone stay muted once the symptom window is over.
      'WebhookOutageInhibitor/info/budget/g': 'active',
      'WebhookHighFailureRate/warning//g': 'active',
      'WebhookErrorBudgetBurn/warning//g': 'WebhookOutageInhibitor/info/budget/g',
      // Critical mutes the warning of the same alert and endpoint only.
      'WebhookResponseTimeDegraded/critical/absolute/c': 'active',
      'WebhookResponseTimeDegraded/warning/absolute/c': 'WebhookResponseTimeDegraded/critical/absolute/c',
      'WebhookResponseTimeDegraded/warning/relative/d': 'active',
      'WebhookSignatureRejected/critical//e': 'active',
      'WebhookTLSCertExpiring/warning//e': 'active',
    });
  });
});
