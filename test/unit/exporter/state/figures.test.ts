import { describe, expect, it } from 'vitest';
import { deliveryTotals } from '../../../../exporter/state/figures.js';
import { Aggregates } from '../../../../exporter/state/aggregates.js';

describe('delivery totals for the status page', () => {
  it('sums series per endpoint over every other label, label values as they are', () => {
    const a = new Aggregates();
    a.inc('deliveries', ['primary', 'a', '2xx'], 90);
    a.inc('deliveries', ['primary', 'b', '5xx'], 10);
    a.inc('deliveries', ['other"one', 'a', '2xx'], 7);
    a.inc('deliveryFailures', ['primary', 'b', 'http_5xx'], 10);
    a.inc('deliveryRetries', ['primary', 'a', '2'], 3);
    a.inc('deliveryRetries', ['primary', 'b', '9+'], 2);
    a.set('dlqDepth', ['primary'], 3);
    a.set('rateLimitRemaining', ['primary'], 4);
    a.set('rateLimitLimit', ['primary'], 20);
    a.set('buildInfo', ['1', 'exporter'], 1);
    const t = deliveryTotals(a);
    expect(t.get('primary')).toEqual({ attempts: 100, failures: 10, retries: 5, dlqDepth: 3, rateLimitRemaining: 4, rateLimitLimit: 20 });
    expect(t.get('other"one')).toEqual({ attempts: 7, failures: 0, retries: 0 });
    expect([...t.keys()]).toEqual(['primary', 'other"one']);
  });

  it('has no entry before anything was counted, and a gauge only once set', () => {
    const a = new Aggregates();
    expect(deliveryTotals(a).size).toBe(0);
    a.set('dlqDepth', ['dlq-only'], 0);
    expect(deliveryTotals(a).get('dlq-only')).toEqual({ attempts: 0, failures: 0, retries: 0, dlqDepth: 0 });
  });
});
