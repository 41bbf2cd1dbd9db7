import { describe, expect, it } from 'vitest';
import { deliveryTotals } from '../../../../exporter/state/figures.js';
import { Aggregates } from '../../../../exporter/state/aggregates.js';

describe('delivery totals for the status page', () => {
  it('sums series per endpoint over every other label, label values as they are', () => {
    const a = new Aggregates();
    a.inc('deliveries', { endpoint: 'primary', event_type: 'a', status_class: '2xx' }, 90);
    a.inc('deliveries', { endpoint: 'primary', event_type: 'b', status_class: '5xx' }, 10);
    a.inc('deliveries', { endpoint: 'other"one', event_type: 'a', status_class: '2xx' }, 7);
    a.inc('deliveryFailures', { endpoint: 'primary', event_type: 'b', reason: 'http_5xx' }, 10);
    a.inc('deliveryRetries', { endpoint: 'primary', event_type: 'a', attempt: '2' }, 3);
    a.inc('deliveryRetries', { endpoint: 'primary', event_type: 'b', attempt: '9+' }, 2);
    a.set('dlqDepth', { endpoint: 'primary' }, 3);
    a.set('rateLimitRemaining', { endpoint: 'primary' }, 4);
    a.set('rateLimitLimit', { endpoint: 'primary' }, 20);
    a.set('buildInfo', { version: '1', component: 'exporter' }, 1);
    const t = deliveryTotals(a);
    expect(t.get('primary')).toEqual({ attempts: 100, failures: 10, retries: 5, dlqDepth: 3, rateLimitRemaining: 4, rateLimitLimit: 20 });
    expect(t.get('other"one')).toEqual({ attempts: 7, failures: 0, retries: 0 });
    expect([...t.keys()]).toEqual(['primary', 'other"one']);
  });

  it('has no entry before anything was counted, and a gauge only once set', () => {
    const a = new Aggregates();
    expect(deliveryTotals(a).size).toBe(0);
    a.set('dlqDepth', { endpoint: 'dlq-only' }, 0);
    expect(deliveryTotals(a).get('dlq-only')).toEqual({ attempts: 0, failures: 0, retries: 0, dlqDepth: 0 });
  });
});
