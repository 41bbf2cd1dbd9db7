/**
 * promtool: `slo.exclude_maintenance` leaves maintenance out of the error
 * budget. In the `maintenance` case payments-primary excludes it and
 * payments-backup (same 99.9% SLO) does not; both get the same traffic and
 * the same burn, and the prober's `webhook_maintenance` says when the
 * primary is in maintenance. A burn inside the window never fires for the
 * primary, during or after it; the same burn outside fires as it does for
 * the backup.
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { promtoolTest, type ExprCheck } from './promtool/harness.js';
import { counter, gauge, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('maintenance');
const ev = 'payment.received';

/** 100 good attempts a minute for 8 hours; 50 failing a minute from 6h to 7h (a 333x burn). */
function traffic(endpoint: string) {
  const failing = counter([0, 360], [50, 60], [0, 60]);
  return [
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '2xx' }, counter([100, 480])),
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '5xx' }, failing),
    series(METRICS.deliveryFailures, { endpoint, event_type: ev, reason: 'http_5xx' }, failing),
  ];
}

/** `webhook_maintenance` of the primary, 1 for minutes [from, to). */
const maintenance = (from: number, to: number) =>
  series(METRICS.maintenance, { endpoint: 'payments-primary' }, gauge([0, from], [1, to - from + 1], [0, 480 - to + 1]));

const burning = (endpoint: string, severities: readonly string[]) =>
  severities.map((severity) => ({ labels: `ALERTS{alertname="WebhookErrorBudgetBurn", alertstate="firing", endpoint="${endpoint}", severity="${severity}", slo="0.999"}`, value: 1 }));
const firing = (at: string, endpoint: string, severities: readonly string[]): ExprCheck =>
  ({ at, expr: `ALERTS{alertname="WebhookErrorBudgetBurn", alertstate="firing", endpoint="${endpoint}"}`, samples: burning(endpoint, severities) });

describe('promtool test rules: error budget without maintenance', () => {
  it('a burn inside the window never fires for the excluding SLO, during or after it; the other SLO pages', () => {
    const r = promtoolTest(config, [{
      name: 'burn during maintenance',
      series: [...traffic('payments-primary'), ...traffic('payments-backup'), maintenance(350, 430)],
      alerts: [],
      exprs: [
        firing('400m', 'payments-backup', ['critical', 'warning']),
        firing('400m', 'payments-primary', []),
        firing('470m', 'payments-backup', ['warning']),
        firing('470m', 'payments-primary', []),
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('the same burn outside the window fires for the excluding SLO as for the other', () => {
    const r = promtoolTest(config, [{
      name: 'burn outside maintenance',
      series: [...traffic('payments-primary'), ...traffic('payments-backup'), maintenance(100, 200)],
      alerts: [],
      exprs: [
        firing('400m', 'payments-backup', ['critical', 'warning']),
        firing('400m', 'payments-primary', ['critical', 'warning']),
        firing('470m', 'payments-primary', ['warning']),
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
