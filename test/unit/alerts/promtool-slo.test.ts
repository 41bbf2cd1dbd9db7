/**
 * promtool: multi-window multi-burn-rate alerts on a 99.9% SLO (budget
 * 0.1%) over hours and days of synthetic traffic. Every counter starts at
 * 0 with samples at both ends of each window, so Prometheus does not
 * extrapolate and each window's error ratio is exactly
 * failures / attempts in it; the expected times below follow from that.
 * Both severities then wait `for: 3m15s` (burnFor: endpoint_down.for 2m, a
 * 15s scrape, two 30s evaluations), so at a 1m evaluation interval each
 * alert fires 4 minutes after its condition first holds (5 minutes at 5m).
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { promtoolTest, type Firing } from './promtool/harness.js';
import { counter, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('basic');
const ev = 'payment.received';
const slo = { slo: '0.999' };

/** `ok` good attempts per step throughout; `bad` failing attempts per step after `cleanSteps`. */
function traffic(endpoint: string, ok: number, bad: number, cleanSteps: number, badSteps: number) {
  const failing = counter([0, cleanSteps], [bad, badSteps]);
  return [
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '2xx' }, counter([ok, cleanSteps + badSteps])),
    series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '5xx' }, failing),
    series(METRICS.deliveryFailures, { endpoint, event_type: ev, reason: 'http_5xx' }, failing),
  ];
}
const page = (endpoint: string, value: number): Firing => ({ labels: { endpoint, severity: 'critical', ...slo }, value });
const ticket = (endpoint: string, value: number): Firing => ({ labels: { endpoint, severity: 'warning', ...slo }, value });

describe('promtool test rules: WebhookErrorBudgetBurn', () => {
  it('pages on a 20x burn once the 1h window is over 14.4x (1h/5m pair)', () => {
    // 100 good/min; after 6h clean (so the 6h window cannot page first) also 2 failing/min
    // (2%). After m failing minutes the 1h ratio is 2m/(6000+2m): over 1.44% from m = 44
    // (404m). The 3d window holds all data, 2m/(100t+2m): over 0.1% from m = 19 (379m),
    // with the 6h window (2m/(36000+2m)) over 0.1% too: a ticket first.
    const whole = (t: number) => (2 * (t - 360)) / (100 * t + 2 * (t - 360));
    const r = promtoolTest(config, [{
      name: 'fast burn',
      series: [
        ...traffic('payments-primary', 100, 2, 360, 60),
        // Every attempt fails, but at 0.005/s: under failure_rate.min_rate_per_second, so a ticket and never a page.
        ...traffic('payments-backup', 0, 0.3, 360, 60),
        ...traffic('unmonitored', 10, 10, 360, 60), // no SLO configured: never judged
      ],
      alerts: [
        { at: '360m', alert: 'WebhookErrorBudgetBurn', firing: [] },
        // The primary's ticket holds from 379m: pending until 383m.
        { at: '382m', alert: 'WebhookErrorBudgetBurn', firing: [ticket('payments-backup', 1)] },
        { at: '383m', alert: 'WebhookErrorBudgetBurn', firing: [ticket('payments-backup', 1), ticket('payments-primary', whole(383))] },
        // The page holds from 404m (m = 44): pending until 408m.
        { at: '407m', alert: 'WebhookErrorBudgetBurn', firing: [ticket('payments-backup', 1), ticket('payments-primary', whole(407))] },
        {
          at: '408m', alert: 'WebhookErrorBudgetBurn',
          firing: [ticket('payments-backup', 1), page('payments-primary', 96 / 6096), ticket('payments-primary', whole(408))],
        },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('pages on an 8x burn once the 6h window is over 6x (6h/30m pair), over 11 hours', () => {
    // 1000 good/min; from 6h also 8 failing/min (0.79%). Never 14.4x, but the 6h
    // ratio 8m/(360000+8m) passes 0.6% at m = 272 (632m): paging from 636m.
    const whole = (t: number) => (8 * (t - 360)) / (1000 * t + 8 * (t - 360));
    const r = promtoolTest(config, [{
      name: 'slow burn',
      series: [...traffic('payments-primary', 1000, 8, 360, 340)],
      alerts: [
        { at: '6h', alert: 'WebhookErrorBudgetBurn', firing: [] },
        { at: '635m', alert: 'WebhookErrorBudgetBurn', firing: [ticket('payments-primary', whole(635))] },
        { at: '636m', alert: 'WebhookErrorBudgetBurn', firing: [page('payments-primary', 2208 / 362208), ticket('payments-primary', whole(636))] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('opens a ticket on a 2x burn after 3 days of clean traffic (3d/6h pair), and never pages', () => {
    // 5-minute steps: 1000 good per step; after 3d (864 steps) 2 failing per step (0.2%).
    // The 3d ratio 2k/(864000+2k) passes 0.1% at k = 433 steps: 3d + 36h05m = 6485m, firing one step later.
    const r = promtoolTest(config, [{
      name: 'ticket burn',
      interval: '5m',
      series: [...traffic('payments-primary', 1000, 2, 864, 440), ...traffic('payments-backup', 1000, 0, 864, 440)],
      alerts: [
        { at: '4d', alert: 'WebhookErrorBudgetBurn', firing: [] },
        { at: '6480m', alert: 'WebhookErrorBudgetBurn', firing: [] },
        { at: '6485m', alert: 'WebhookErrorBudgetBurn', firing: [] },
        { at: '6490m', alert: 'WebhookErrorBudgetBurn', firing: [ticket('payments-primary', 868 / 864868)] },
        { at: '6500m', alert: 'WebhookErrorBudgetBurn', firing: [ticket('payments-primary', 872 / 864872)] },
      ],
    }], '5m');
    expect(r.ok, r.out).toBe(true);
  });
});
