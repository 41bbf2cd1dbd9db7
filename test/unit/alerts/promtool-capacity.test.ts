/**
 * promtool: response time (p95 > 2s warning, > 5s critical, > 2x the day
 * before; for 10m), DLQ (depth > 100 for 5m, growing for 15m) and rate
 * limits (quota < 10% or 429s, for 5m) on default thresholds.
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { promtoolTest } from './promtool/harness.js';
import { counter, gauge, histogram, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('basic');
const ev = 'payment.received';
const attempts = (endpoint: string, minutes: number) => series(METRICS.deliveries, { endpoint, event_type: ev, status_class: '2xx' }, counter([60, minutes]));
/** p95 when every observation is in the bucket (lo, hi]: linear interpolation inside it. */
const p95In = (lo: number, hi: number) => lo + (hi - lo) * 0.95;

describe('promtool test rules: capacity alerts', () => {
  it('WebhookResponseTimeDegraded: absolute warning and critical after 10m, none under the limit', () => {
    const r = promtoolTest(config, [{
      name: 'absolute latency',
      series: [
        ...histogram(METRICS.deliveryDuration, { endpoint: 'slow', event_type: ev }, [60, 3, 30]), // bucket (2.5, 5]
        ...histogram(METRICS.deliveryDuration, { endpoint: 'very-slow', event_type: ev }, [60, 8, 30]), // bucket (5, 10]
        ...histogram(METRICS.deliveryDuration, { endpoint: 'just-over', event_type: ev }, [60, 1.5, 30]), // bucket (1, 2.5]: p95 2.425s
        ...histogram(METRICS.deliveryDuration, { endpoint: 'fine', event_type: ev }, [60, 0.7, 30]), // bucket (0.5, 1]: p95 0.975s
        attempts('slow', 30), attempts('very-slow', 30), attempts('just-over', 30), attempts('fine', 30),
      ],
      alerts: [
        { at: '10m', alert: 'WebhookResponseTimeDegraded', firing: [] },
        {
          at: '11m', alert: 'WebhookResponseTimeDegraded', firing: [
            { labels: { endpoint: 'just-over', severity: 'warning', condition: 'absolute' }, value: p95In(1, 2.5) },
            { labels: { endpoint: 'slow', severity: 'warning', condition: 'absolute' }, value: p95In(2.5, 5) },
            { labels: { endpoint: 'very-slow', severity: 'warning', condition: 'absolute' }, value: p95In(5, 10) },
            { labels: { endpoint: 'very-slow', severity: 'critical', condition: 'absolute' }, value: p95In(5, 10) },
          ],
        },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookResponseTimeDegraded: relative to the same window a day earlier', () => {
    const day = 1440;
    const r = promtoolTest(config, [{
      name: 'day over day',
      series: [
        // p95 0.2425s for a day, then 0.975s: 4x yesterday but under the 2s limit.
        ...histogram(METRICS.deliveryDuration, { endpoint: 'regressed', event_type: ev }, [60, 0.2, day], [60, 0.7, 30]),
        ...histogram(METRICS.deliveryDuration, { endpoint: 'steady', event_type: ev }, [60, 0.2, day + 30]),
        attempts('regressed', day + 30), attempts('steady', day + 30),
      ],
      alerts: [
        { at: '1d', alert: 'WebhookResponseTimeDegraded', firing: [] },
        { at: '1d10m', alert: 'WebhookResponseTimeDegraded', firing: [] },
        { at: '1d11m', alert: 'WebhookResponseTimeDegraded', firing: [{ labels: { endpoint: 'regressed', severity: 'warning', condition: 'relative' }, value: p95In(0.5, 1) }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookDLQGrowing: depth over 100 for 5m (exactly 100 is fine), growth for 15m', () => {
    const depth = (endpoint: string, values: string) => series(METRICS.dlqDepth, { endpoint }, values);
    const r = promtoolTest(config, [{
      name: 'dlq',
      series: [depth('deep', gauge([101, 30])), depth('at-limit', gauge([100, 30])), depth('growing', counter([1, 30])), depth('flat', gauge([5, 30]))],
      alerts: [
        { at: '4m', alert: 'WebhookDLQGrowing', firing: [] },
        { at: '5m', alert: 'WebhookDLQGrowing', firing: [{ labels: { endpoint: 'deep', severity: 'warning', condition: 'depth' }, value: 101 }] },
        // The slope exists from 1m (two samples): pending at 1m, firing at 16m.
        { at: '15m', alert: 'WebhookDLQGrowing', firing: [{ labels: { endpoint: 'deep', severity: 'warning', condition: 'depth' }, value: 101 }] },
        {
          at: '16m', alert: 'WebhookDLQGrowing', firing: [
            { labels: { endpoint: 'deep', severity: 'warning', condition: 'depth' }, value: 101 },
            { labels: { endpoint: 'growing', severity: 'warning', condition: 'growth' }, value: 1 / 60 },
          ],
        },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookRateLimitApproaching: quota under 10% from probes or logs, or 429s, for 5m', () => {
    const probe = (endpoint: string, remaining: number, limit: number) => [
      series(METRICS.probeRateLimitRemaining, { endpoint, check: 'delivery', region: 'eu' }, gauge([remaining, 20])),
      series(METRICS.probeRateLimitLimit, { endpoint, check: 'delivery', region: 'eu' }, gauge([limit, 20])),
    ];
    const logged = (endpoint: string, remaining: number, limit: number) => [
      series(METRICS.rateLimitRemaining, { endpoint }, gauge([remaining, 20])),
      series(METRICS.rateLimitLimit, { endpoint }, gauge([limit, 20])),
    ];
    const throttled = (endpoint: string, perMinute: number) => series(METRICS.deliveryFailures, { endpoint, event_type: ev, reason: 'rate_limited' }, counter([perMinute, 20]));
    const r = promtoolTest(config, [{
      name: 'rate limit',
      series: [
        ...probe('probe-low', 9, 100), ...probe('probe-at-limit', 10, 100),
        ...logged('log-low', 5, 100), ...logged('log-ok', 50, 100),
        throttled('throttled', 1), throttled('never-throttled', 0),
      ],
      alerts: [
        { at: '4m', alert: 'WebhookRateLimitApproaching', firing: [] },
        {
          at: '5m', alert: 'WebhookRateLimitApproaching', firing: [
            { labels: { endpoint: 'probe-low', severity: 'warning', condition: 'quota' }, value: 0.09 },
            { labels: { endpoint: 'log-low', severity: 'warning', condition: 'quota' }, value: 0.05 },
          ],
        },
        {
          at: '6m', alert: 'WebhookRateLimitApproaching', firing: [
            { labels: { endpoint: 'probe-low', severity: 'warning', condition: 'quota' }, value: 0.09 },
            { labels: { endpoint: 'log-low', severity: 'warning', condition: 'quota' }, value: 0.05 },
            { labels: { endpoint: 'throttled', severity: 'warning', condition: 'throttled' }, value: 5 },
          ],
        },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
