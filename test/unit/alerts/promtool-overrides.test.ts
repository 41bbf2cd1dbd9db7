/**
 * promtool: per-endpoint overrides change the threshold for that endpoint
 * only (test/golden/alerts/cases/overrides: payments-backup and crm.sync
 * fail at 20% for 10m, payments-backup needs 2 regions down, crm.sync warns
 * 30 days before TLS expiry; everything else keeps the global values).
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { promtoolTest } from './promtool/harness.js';
import { counter, gauge, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('overrides');
const ev = 'payment.received';
const FAILURE_OVERRIDE = { override: 'payments-backup,crm.sync' };

function traffic(endpoint: string, ok: number, bad: number) {
  return [
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '2xx' }, counter([ok, 30])),
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '5xx' }, counter([bad, 30])),
    series(METRICS.deliveryFailures, { endpoint, event_type: ev, reason: 'http_5xx' }, counter([bad, 30])),
  ];
}

describe('promtool test rules: per-endpoint overrides', () => {
  it('failure-rate threshold and for: 20%/10m on the overridden endpoints, 5%/5m elsewhere', () => {
    const r = promtoolTest(config, [{
      name: 'failure rate overrides',
      series: [
        ...traffic('payments-primary', 54, 6), // 10%: over 5%
        ...traffic('payments-backup', 54, 6), // 10%: under its 20%
        ...traffic('crm.sync', 45, 15), // 25%: over 20%
        ...traffic('unknown-from-logs', 54, 6), // not configured: global 5%
      ],
      alerts: [
        { at: '5m', alert: 'WebhookHighFailureRate', firing: [] },
        {
          at: '6m', alert: 'WebhookHighFailureRate', firing: [
            { labels: { endpoint: 'payments-primary', severity: 'warning' }, value: 0.1 },
            { labels: { endpoint: 'unknown-from-logs', severity: 'warning' }, value: 0.1 },
          ],
        },
        {
          at: '10m', alert: 'WebhookHighFailureRate', firing: [
            { labels: { endpoint: 'payments-primary', severity: 'warning' }, value: 0.1 },
            { labels: { endpoint: 'unknown-from-logs', severity: 'warning' }, value: 0.1 },
          ],
        },
        {
          at: '11m', alert: 'WebhookHighFailureRate', firing: [
            { labels: { endpoint: 'crm.sync', severity: 'warning', ...FAILURE_OVERRIDE }, value: 0.25 },
            { labels: { endpoint: 'payments-primary', severity: 'warning' }, value: 0.1 },
            { labels: { endpoint: 'unknown-from-logs', severity: 'warning' }, value: 0.1 },
          ],
        },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('endpoint-down quorum: 2 regions for payments-backup, 1 elsewhere', () => {
    const up = (endpoint: string, region: string, down: boolean) =>
      series(METRICS.probeUp, { endpoint, check: 'delivery', region }, down ? gauge([1, 9], [0, 20]) : gauge([1, 30]));
    const r = promtoolTest(config, [{
      name: 'quorum override',
      series: [
        up('payments-primary', 'eu', true), up('payments-primary', 'us', false),
        up('payments-backup', 'eu', true), up('payments-backup', 'us', false),
        up('crm.sync', 'eu', true), up('crm.sync', 'us', true),
      ],
      alerts: [
        { at: '11m', alert: 'WebhookEndpointDown', firing: [] },
        {
          at: '12m', alert: 'WebhookEndpointDown', firing: [
            { labels: { endpoint: 'crm.sync', severity: 'critical' }, value: 2 },
            { labels: { endpoint: 'payments-primary', severity: 'critical' }, value: 1 },
          ],
        },
      ],
    }, {
      name: 'quorum reached',
      series: [up('payments-backup', 'eu', true), up('payments-backup', 'us', true)],
      alerts: [{ at: '12m', alert: 'WebhookEndpointDown', firing: [{ labels: { endpoint: 'payments-backup', severity: 'critical', override: 'payments-backup' }, value: 2 }] }],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('TLS warning at 30 days for crm.sync only', () => {
    const expiry = 20 * 86400;
    const tls = (endpoint: string) => series(METRICS.probeTlsExpiry, { endpoint, check: 'delivery', region: 'eu' }, gauge([expiry, 20]));
    const r = promtoolTest(config, [{
      name: 'tls override',
      series: [tls('crm.sync'), tls('payments-primary')],
      alerts: [
        { at: '9m', alert: 'WebhookTLSCertExpiring', firing: [] },
        { at: '10m', alert: 'WebhookTLSCertExpiring', firing: [{ labels: { endpoint: 'crm.sync', severity: 'warning', override: 'crm.sync' }, value: expiry - 600 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
