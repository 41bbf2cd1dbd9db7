/**
 * The notification templates rendered by the real amtool against a group of
 * alerts: what Slack, PagerDuty, email and OpsGenie will show.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_PATH } from '../../../alerts/index.js';
import { loadCase, runTool, writeGenerated } from './support.js';

const dir = writeGenerated(loadCase('basic'));
const alert = (severity: string, condition: string) => ({
  status: 'firing',
  labels: { alertname: 'WebhookResponseTimeDegraded', endpoint: 'payments-primary', severity, condition },
  annotations: {
    summary: 'Webhook responses are slow.',
    description: `p95 is high (${severity}).`,
    runbook_url: 'https://runbooks.example/WebhookResponseTimeDegraded.md',
    dashboard_url: '/d/hookwatch-performance',
  },
  startsAt: '2026-11-29T10:00:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus/graph',
  fingerprint: severity,
});
const dataFile = join(dir, 'data.json');
writeFileSync(dataFile, JSON.stringify({
  receiver: 'slack',
  status: 'firing',
  alerts: [alert('warning', 'absolute'), alert('critical', 'absolute')],
  groupLabels: { alertname: 'WebhookResponseTimeDegraded', endpoint: 'payments-primary' },
  commonLabels: { alertname: 'WebhookResponseTimeDegraded', endpoint: 'payments-primary', condition: 'absolute' },
  commonAnnotations: { summary: 'Webhook responses are slow.' },
  externalURL: 'http://alertmanager:9093',
}));

// A group of one endpoint holding several alerts (group_by: [endpoint]), sorted as Alertmanager sends them.
const mixedFile = join(dir, 'mixed.json');
const named = (alertname: string, fingerprint: string) => ({ ...alert('critical', 'absolute'), labels: { alertname, endpoint: 'payments-primary', severity: 'critical' }, fingerprint });
writeFileSync(mixedFile, JSON.stringify({
  receiver: 'pagerduty',
  status: 'firing',
  alerts: [named('WebhookDLQGrowing', '1'), named('WebhookDLQGrowing', '2'), named('WebhookSignatureNotEnforced', '3')],
  groupLabels: { endpoint: 'payments-primary' },
  commonLabels: { endpoint: 'payments-primary', severity: 'critical' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
}));

function render(name: string, data = dataFile): string {
  const r = runTool('amtool', ['template', 'render', `--template.glob=${join(dir, TEMPLATE_PATH)}`, `--template.data=${data}`, `--template.text={{ template "${name}" . }}`]);
  expect(r.ok, r.out).toBe(true);
  return r.out.trim();
}

describe('notification templates (amtool template render)', () => {
  it('title names the status, count, alert and endpoint', () => {
    expect(render('hookwatch.title')).toBe('[FIRING:2] WebhookResponseTimeDegraded (payments-primary)');
  });

  it('title of an endpoint group with several alerts names each alert once', () => {
    expect(render('hookwatch.title', mixedFile)).toBe('[FIRING:3] WebhookDLQGrowing, WebhookSignatureNotEnforced (payments-primary)');
  });

  it('text has each alert summary, severity, description, runbook and dashboard', () => {
    const text = render('hookwatch.text');
    expect(text).toContain('*Webhook responses are slow.* (critical, absolute)');
    expect(text).toContain('p95 is high (warning).');
    expect(text).toContain('Runbook: https://runbooks.example/WebhookResponseTimeDegraded.md');
    expect(text).toContain('Dashboard: /d/hookwatch-performance');
  });

  it('PagerDuty severity and OpsGenie priority follow the highest severity in the group', () => {
    expect(render('hookwatch.severity')).toBe('critical');
    expect(render('hookwatch.opsgenie.priority')).toBe('P1');
  });
});
