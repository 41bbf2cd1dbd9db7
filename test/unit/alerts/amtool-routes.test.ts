/**
 * amtool (the real 0.25 binary): the generated alertmanager.yml passes
 * `amtool check-config`, and `amtool config routes test` shows where each
 * severity and each override sends an alert.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERTMANAGER_FILE } from '../../../alerts/index.js';
import { loadCase, runTool, writeGenerated } from './support.js';

function routesOf(caseName: string) {
  const file = join(writeGenerated(loadCase(caseName)), ALERTMANAGER_FILE);
  return {
    file,
    /** Receivers, in tree order, joined with "," (amtool's own output). */
    route(labels: Record<string, string>): string {
      const r = runTool('amtool', ['config', 'routes', 'test', `--config.file=${file}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)]);
      if (!r.ok) throw new Error(r.out);
      return r.out.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Warning:')).join('\n').trim();
    },
  };
}

const alert = (alertname: string, severity: string, endpoint?: string) => ({ alertname, severity, ...(endpoint ? { endpoint } : {}) });

describe('amtool check-config', () => {
  it.each(['basic', 'overrides'])('accepts the generated alertmanager.yml and template (%s)', (name) => {
    const { file } = routesOf(name);
    const r = runTool('amtool', ['check-config', file]);
    expect(r.ok, r.out).toBe(true);
    expect(r.out).toContain('1 templates');
    expect(r.out).toMatch(/4 inhibit rules/);
  });
});

describe('amtool config routes test: global routes (basic)', () => {
  const { route } = routesOf('basic');
  it.each([
    ['critical goes to PagerDuty and Slack', alert('WebhookEndpointDown', 'critical', 'payments-primary'), 'pagerduty,slack'],
    ['warning goes to Slack', alert('WebhookHighFailureRate', 'warning', 'payments-primary'), 'slack'],
    ['info goes nowhere', alert('WebhookHighRetryRate', 'info', 'payments-primary'), 'null'],
    ['Watchdog goes to the heartbeat only', alert('Watchdog', 'info'), 'heartbeat'],
    ['the outage inhibitor reaches nobody', alert('WebhookOutageInhibitor', 'info', 'payments-primary'), 'null'],
    ['the signature-enforcement alert pages', alert('WebhookSignatureNotEnforced', 'critical', 'payments-primary'), 'pagerduty,slack'],
    ['an unknown endpoint follows the global routes', alert('WebhookHighFailureRate', 'critical', 'from-logs'), 'pagerduty,slack'],
    ['an alert without severity falls back to the root receiver', { alertname: 'Odd' }, 'slack'],
  ])('%s', (_name, labels, expected) => {
    expect(route(labels)).toBe(expected);
  });
});

describe('amtool config routes test: overrides', () => {
  const { route } = routesOf('overrides');
  it.each([
    ['global critical', alert('WebhookEndpointDown', 'critical', 'payments-primary'), 'pagerduty,slack'],
    ['global warning', alert('WebhookDLQGrowing', 'warning', 'payments-primary'), 'slack'],
    ['global info', alert('WebhookDLQGrowing', 'info', 'payments-primary'), 'null'],
    ['team crm critical', alert('WebhookEndpointDown', 'critical', 'crm.sync'), 'opsgenie,email'],
    ['team crm warning', alert('WebhookHighFailureRate', 'warning', 'crm.sync'), 'email'],
    ['team crm info falls back to global', alert('WebhookHighFailureRate', 'info', 'crm.sync'), 'null'],
    ['endpoint payments-backup critical', alert('WebhookEndpointDown', 'critical', 'payments-backup'), 'slack'],
    ['endpoint payments-backup warning falls back to global', alert('WebhookDLQGrowing', 'warning', 'payments-backup'), 'slack'],
    ['endpoint payments-backup info', alert('WebhookDLQGrowing', 'info', 'payments-backup'), 'webhook'],
    ['endpoint override beats its team', alert('WebhookEndpointDown', 'critical', 'crm-backfill'), 'pagerduty'],
    ['endpoint override falls back to its team', alert('WebhookDLQGrowing', 'warning', 'crm-backfill'), 'email'],
    ['an override does not leak to similar names', alert('WebhookEndpointDown', 'critical', 'crmXsync'), 'pagerduty,slack'],
    ['Watchdog goes to the heartbeat even for an overridden endpoint', alert('Watchdog', 'info', 'crm.sync'), 'heartbeat'],
    ['the outage inhibitor reaches nobody, even for an overridden endpoint', alert('WebhookOutageInhibitor', 'info', 'payments-backup'), 'null'],
  ])('%s', (_name, labels, expected) => {
    expect(route(labels)).toBe(expected);
  });
});
