/**
 * The SLI expressions: one text per SLI, whoever asks. Dashboards pass
 * Grafana variables and `$__rate_interval`, alerts endpoint scopes and
 * fixed windows; the shape of the expression is the same.
 */
import { describe, expect, it } from 'vitest';
import { promql } from '../../../catalog/index.js';
import {
  attemptRate, errorBudget, errorBudgetRemaining, failureRatio, probeRateLimitHeadroom, rateLimitHeadroom,
  responseTimeP95, retryRatio, successRatio, syntheticAvailability,
} from '../../../queries/index.js';

const dashboard = { endpoint: promql.variable('endpoint'), event_type: promql.variable('event_type') };
const scope = { endpoint: promql.oneOf(['a', 'b.c']) };

describe('delivery SLIs', () => {
  it('take the matchers and window of the caller', () => {
    expect(failureRatio(dashboard, '$__rate_interval')).toBe(
      '(sum by (endpoint) (rate(webhook_delivery_failures_total{endpoint=~"$endpoint",event_type=~"$event_type"}[$__rate_interval])))'
      + ' / (sum by (endpoint) (rate(webhook_deliveries_total{endpoint=~"$endpoint",event_type=~"$event_type"}[$__rate_interval])))',
    );
    expect(failureRatio(scope, '1h')).toBe(
      '(sum by (endpoint) (rate(webhook_delivery_failures_total{endpoint=~"a|b\\\\.c"}[1h]))) / (sum by (endpoint) (rate(webhook_deliveries_total{endpoint=~"a|b\\\\.c"}[1h])))',
    );
    expect(failureRatio({}, '5m')).toBe('(sum by (endpoint) (rate(webhook_delivery_failures_total[5m]))) / (sum by (endpoint) (rate(webhook_deliveries_total[5m])))');
  });

  it('divide by the attempt rate, over the same matchers and window', () => {
    const total = attemptRate(scope, '5m');
    expect(total).toBe('sum by (endpoint) (rate(webhook_deliveries_total{endpoint=~"a|b\\\\.c"}[5m]))');
    for (const sli of [successRatio, failureRatio, retryRatio]) expect(sli(scope, '5m').endsWith(` / (${total})`)).toBe(true);
    expect(successRatio(scope, '5m')).toContain('webhook_deliveries_total{endpoint=~"a|b\\\\.c",status_class="2xx"}[5m]');
    expect(retryRatio(scope, '5m')).toContain('webhook_delivery_retries_total{endpoint=~"a|b\\\\.c"}[5m]');
  });

  it('p95 response time is per endpoint from the histogram', () => {
    expect(responseTimeP95({}, '5m')).toBe('histogram_quantile(0.95, sum by (le, endpoint) (rate(webhook_delivery_duration_seconds_bucket[5m])))');
  });

  it('rate-limit headroom is the lowest remaining share per endpoint, from logs or probes', () => {
    expect(rateLimitHeadroom(scope)).toBe('min by (endpoint) (webhook_rate_limit_remaining{endpoint=~"a|b\\\\.c"} / webhook_rate_limit_limit{endpoint=~"a|b\\\\.c"})');
    expect(probeRateLimitHeadroom({})).toBe('min by (endpoint) (webhook_probe_rate_limit_remaining / webhook_probe_rate_limit_limit)');
  });
});

describe('error budget', () => {
  it('is 1 − SLO without float noise', () => {
    expect(errorBudget(0.999)).toBe(0.001);
    expect(errorBudget(0.95)).toBe(0.05);
  });

  it('remaining divides each endpoint by its own budget', () => {
    const expr = errorBudgetRemaining([{ name: 'a', slo: { successRatio: 0.999 } }, { name: 'b', slo: { successRatio: 0.99 } }], {}, '$__range');
    expect(expr).toBe(
      '1 - ((sum by (endpoint) (increase(webhook_delivery_failures_total[$__range]))) / (sum by (endpoint) (increase(webhook_deliveries_total[$__range]))))'
      + ' / on (endpoint) (label_replace(vector(0.001), "endpoint", "a", "", "") or label_replace(vector(0.01), "endpoint", "b", "", ""))',
    );
  });
});

describe('synthetic SLIs', () => {
  it('availability averages probe_up per endpoint over the window', () => {
    expect(syntheticAvailability({ region: promql.variable('region') }, '$__range')).toBe('avg by (endpoint) (avg_over_time(webhook_probe_up{region=~"$region"}[$__range]))');
  });
});
