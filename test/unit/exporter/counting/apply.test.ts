import { describe, expect, it } from 'vitest';
import { applyRecord, errorReasonOf, failureReasonOf } from '../../../../exporter/counting/apply.js';
import type { DeliveryRecord } from '../../../../exporter/records/record.js';
import { Aggregates } from '../../../../exporter/state/aggregates.js';

function rec(over: Partial<DeliveryRecord>): DeliveryRecord {
  return {
    kind: 'attempt', ts: 1000, eventId: 'e', eventType: 't', endpoint: 'ep', url: undefined, attempt: undefined, status: undefined,
    error: undefined, durationSeconds: undefined, createdAt: undefined, queuedAt: undefined, outcome: undefined,
    rateLimitLimit: undefined, rateLimitRemaining: undefined, processingSeconds: undefined, processedStatus: undefined, ...over,
  };
}

describe('failure reasons', () => {
  it.each([
    [200, undefined, null], [204, undefined, null], [429, undefined, 'rate_limited'], [404, undefined, 'http_4xx'],
    [503, undefined, 'http_5xx'], [301, undefined, 'other'], [undefined, 'ETIMEDOUT', 'timeout'], [undefined, undefined, 'other'],
    [200, 'socket hang up', 'connection'],
  ] as const)('status %s error %s → %s', (status, error, reason) => {
    expect(failureReasonOf(status, error)).toBe(reason);
  });

  it.each([
    ['timeout of 10000ms exceeded', 'timeout'], ['getaddrinfo ENOTFOUND api.example', 'dns'], ['certificate has expired', 'tls'],
    ['x509: certificate signed by unknown authority', 'tls'], ['connect ECONNREFUSED 1.2.3.4:443', 'connection'], ['boom', 'other'],
  ] as const)('error %j → %s', (error, reason) => {
    expect(errorReasonOf(error)).toBe(reason);
  });
});

describe('applyRecord', () => {
  it('counts an attempt by status class, failure, retry, duration, queue and rate limit', () => {
    const a = new Aggregates();
    applyRecord(a, rec({ status: 503, attempt: 3, durationSeconds: 0.2, queuedAt: 999, rateLimitLimit: 100, rateLimitRemaining: 7 }), 'ep', 't');
    expect(a.get('deliveries', { endpoint: 'ep', event_type: 't', status_class: '5xx' })).toBe(1);
    expect(a.get('deliveryFailures', { endpoint: 'ep', event_type: 't', reason: 'http_5xx' })).toBe(1);
    expect(a.get('deliveryRetries', { endpoint: 'ep', event_type: 't', attempt: '3' })).toBe(1);
    expect(a.histogram('deliveryDuration', { endpoint: 'ep', event_type: 't' })).toMatchObject({ count: 1, sum: 0.2 });
    // Started at ts - duration = 999.8, queued at 999.
    expect(a.histogram('queue', { endpoint: 'ep', event_type: 't' })?.sum).toBeCloseTo(0.8, 9);
    expect(a.get('rateLimitRemaining', { endpoint: 'ep' })).toBe(7);
    expect(a.get('events', { endpoint: 'ep', event_type: 't', outcome: 'delivered' })).toBe(0);
  });

  it('counts a first attempt as no retry and a 9th+ as 9+', () => {
    const a = new Aggregates();
    applyRecord(a, rec({ status: 200, attempt: 1 }), 'ep', 't');
    applyRecord(a, rec({ status: 200, attempt: 12 }), 'ep', 't');
    expect(a.scalars('deliveryRetries')).toHaveLength(1);
    expect(a.get('deliveryRetries', { endpoint: 'ep', event_type: 't', attempt: '9+' })).toBe(1);
    expect(a.scalars('deliveryFailures')).toHaveLength(0);
  });

  it('counts final outcomes, end-to-end time and the last delivery time', () => {
    const a = new Aggregates();
    applyRecord(a, rec({ status: 200, outcome: 'delivered', createdAt: 940, ts: 1000 }), 'ep', 't');
    applyRecord(a, rec({ status: 500, outcome: 'dead_lettered', ts: 1001 }), 'ep', 't');
    applyRecord(a, rec({ status: 200, outcome: 'delivered', ts: 990 }), 'ep', 't');
    expect(a.get('events', { endpoint: 'ep', event_type: 't', outcome: 'delivered' })).toBe(2);
    expect(a.get('events', { endpoint: 'ep', event_type: 't', outcome: 'dead_lettered' })).toBe(1);
    expect(a.histogram('endToEnd', { endpoint: 'ep', event_type: 't' })).toMatchObject({ count: 1, sum: 60 });
    // An older event read later does not move the gauge back.
    expect(a.get('lastDelivery', { endpoint: 'ep' })).toBe(1000);
  });

  it('keeps DLQ depth as moves in minus replays, never below zero', () => {
    const a = new Aggregates();
    applyRecord(a, rec({ kind: 'dlq_replay' }), 'ep', 't');
    expect(a.get('dlqDepth', { endpoint: 'ep' })).toBe(0);
    applyRecord(a, rec({ kind: 'dlq' }), 'ep', 't');
    applyRecord(a, rec({ kind: 'dlq' }), 'ep', 't');
    applyRecord(a, rec({ kind: 'dlq_replay' }), 'ep', 't');
    expect(a.get('dlqDepth', { endpoint: 'ep' })).toBe(1);
    expect(a.get('dlqEvents', { endpoint: 'ep', event_type: 't' })).toBe(2);
    expect(a.get('dlqReplayed', { endpoint: 'ep', event_type: 't' })).toBe(2);
  });

  it('counts receiver-side processing', () => {
    const a = new Aggregates();
    applyRecord(a, rec({ kind: 'processed', processedStatus: 'success', processingSeconds: 0.004 }), 'ep', 't');
    expect(a.get('eventsProcessed', { endpoint: 'ep', event_type: 't', status: 'success' })).toBe(1);
    expect(a.histogram('processing', { endpoint: 'ep', event_type: 't' })?.counts.slice(0, 3)).toEqual([0, 0, 1]);
  });

  it('round-trips through the checkpoint form exactly', () => {
    const a = new Aggregates();
    for (let i = 0; i < 50; i++) applyRecord(a, rec({ status: 200 + (i % 4) * 100, durationSeconds: i / 7, queuedAt: 999 - i / 3 }), `ep${i % 3}`, 't');
    const b = Aggregates.from(JSON.parse(JSON.stringify(a.toJSON())));
    expect(b.toJSON()).toEqual(a.toJSON());
  });
});
