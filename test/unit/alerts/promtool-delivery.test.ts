/**
 * promtool: failure rate and retry rate, on the default thresholds
 * (failure > 5% for 5m, retries > 20% for 15m, at least 0.01 attempts/s).
 * 60 attempts a minute is exactly 1/s, so ratios like 3/60 are exact
 * floats and the "exactly at the threshold" cases really are at it.
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { promtoolTest } from './promtool/harness.js';
import { counter, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('basic');
const ev = 'payment.received';

/** `ok` good and `bad` failing attempts per minute, for 30 minutes. */
function traffic(endpoint: string, ok: number, bad: number, minutes = 30) {
  return [
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '2xx' }, counter([ok, minutes])),
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '5xx' }, counter([bad, minutes])),
    series(METRICS.deliveryFailures, { endpoint, event_type: ev, reason: 'http_5xx' }, counter([bad, minutes])),
  ];
}

describe('promtool test rules: delivery alerts', () => {
  it('WebhookHighFailureRate fires after 5m over 5%, not at exactly 5% or on low traffic', () => {
    const r = promtoolTest(config, [{
      name: 'failure rate',
      series: [
        ...traffic('payments-primary', 54, 6), // 10%
        ...traffic('payments-backup', 57, 3), // exactly 5%
        ...traffic('low-traffic', 0, 0.3), // 100% failures at 0.005 attempts/s
      ],
      alerts: [
        // The ratio exists from 1m (two samples), so the alert is pending from 1m and fires at 6m.
        { at: '5m', alert: 'WebhookHighFailureRate', firing: [] },
        { at: '6m', alert: 'WebhookHighFailureRate', firing: [{ labels: { endpoint: 'payments-primary', severity: 'warning' }, value: 0.1 }] },
        { at: '30m', alert: 'WebhookHighFailureRate', firing: [{ labels: { endpoint: 'payments-primary', severity: 'warning' }, value: 0.1 }] },
      ],
      exprs: [{ at: '10m', expr: 'endpoint:webhook_delivery_failures:ratio_rate5m{endpoint="payments-backup"}', samples: [{ labels: 'endpoint:webhook_delivery_failures:ratio_rate5m{endpoint="payments-backup"}', value: 0.05 }] }],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookHighFailureRate resolves when failures stop and says so in words', () => {
    const r = promtoolTest(config, [{
      name: 'failure burst',
      series: [
        series(METRICS.deliveries, { endpoint: 'payments-primary', event_type: ev, status_class: '2xx' }, counter([60, 40])),
        series(METRICS.deliveryFailures, { endpoint: 'payments-primary', event_type: ev, reason: 'timeout' }, counter([6, 10], [0, 30])),
      ],
      alerts: [
        { at: '9m', alert: 'WebhookHighFailureRate', firing: [{ labels: { endpoint: 'payments-primary', severity: 'warning' }, value: 0.1 }] },
        // 6 of the last 5 minutes' failures drop out by 15m; by 16m the ratio is 0.
        { at: '16m', alert: 'WebhookHighFailureRate', firing: [] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
    expect(r.out).toContain('SUCCESS');
  });

  it('WebhookHighRetryRate fires after 15m over 20%, not at exactly 20%', () => {
    const retries = (endpoint: string, perMinute: number) => series(METRICS.deliveryRetries, { endpoint, event_type: ev, attempt: '2' }, counter([perMinute, 30]));
    const r = promtoolTest(config, [{
      name: 'retry rate',
      series: [
        ...traffic('payments-primary', 60, 0), retries('payments-primary', 18), // 30%
        ...traffic('payments-backup', 60, 0), retries('payments-backup', 12), // exactly 20%
      ],
      alerts: [
        { at: '15m', alert: 'WebhookHighRetryRate', firing: [] },
        { at: '16m', alert: 'WebhookHighRetryRate', firing: [{ labels: { endpoint: 'payments-primary', severity: 'warning' }, value: 0.3 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
