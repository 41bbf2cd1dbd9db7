/**
 * Svix and Convoy logs counted as the platforms write them: attempts of one
 * message to one endpoint are numbered, so retries count; timeouts and
 * connection errors are classified from what the records carry.
 */
import { describe, expect, it } from 'vitest';
import { AttemptMemory } from '../../../../exporter/counting/attempts.js';
import { Engine } from '../../../../exporter/counting/engine.js';
import type { FormatSpec } from '../../../../exporter/records/parse.js';

const ENDPOINT = 'hooks.example.com/hook';
const ee = { endpoint: ENDPOINT, event_type: 'invoice.paid' };

function count(format: FormatSpec['format'], objects: object[], engine = new Engine({ endpoints: [], labelLimit: 100 })): Engine {
  const sink = engine.sink('s', { format });
  for (const o of objects) expect(sink.line(JSON.stringify(o), 1), JSON.stringify(o)).toBe(true);
  return engine;
}

let seq = 0;
/** A Svix `MessageAttemptOut` (svix/svix-webhooks go/models/message_attempt_out.go). */
const svix = (msgId: string, over: object = {}) => ({
  id: `atmpt_2Yb8Z0vX1nFkq3dC9mWl${String(seq++).padStart(5, '0')}`, msgId, endpointId: 'ep_2Yb8XrT5mN9hGc1wE8kVq0fJd',
  url: 'https://hooks.example.com/hook', response: '{"ok":true}', responseStatusCode: 200, responseDurationMs: 87, status: 0,
  triggerType: 0, timestamp: '2026-11-28T10:00:00.512Z', msg: { eventType: 'invoice.paid', payload: { id: 'in_1' } }, ...over,
});
const svixFail = (msgId: string, over: object = {}) => svix(msgId, { status: 2, responseStatusCode: 503, response: 'Service Unavailable', ...over });

/** A Convoy `DeliveryAttempt` (frain-dev/convoy datastore/models.go). */
const convoy = (msgId: string, over: object = {}) => ({
  uid: `01JDX3Q6S8Q1M3W9F2K7T${String(seq++).padStart(5, '0')}`, msg_id: msgId, url: 'https://hooks.example.com/hook', method: 'POST',
  api_version: '2024-04-01', endpoint_id: '01JDX2Y7K4R8N1B6V3C9T5M2Q8', ip_address: '203.0.113.7',
  request_http_header: { 'Content-Type': 'application/json' }, response_http_header: {}, http_status: '200', response_data: 'ok',
  error: '', status: true, requested_at: '2026-11-28T10:00:00.700Z', responded_at: '2026-11-28T10:00:00.913Z',
  created_at: '2026-11-28T10:00:00.913Z', updated_at: '2026-11-28T10:00:00.913Z', ...over,
});
const convoyFail = (msgId: string, error: string) => convoy(msgId, { http_status: '', response_data: '', status: false, error });

describe('Svix: attempts numbered per message and endpoint', () => {
  it('counts three attempts of one message as three deliveries and two retries', () => {
    const e = count('svix', [svixFail('msg_a'), svixFail('msg_a'), svix('msg_a'), svix('msg_b')]);
    expect(e.agg.get('deliveries', { ...ee, status_class: '5xx' })).toBe(2);
    expect(e.agg.get('deliveries', { ...ee, status_class: '2xx' })).toBe(2);
    expect(e.agg.get('deliveryRetries', { ...ee, attempt: '2' })).toBe(1);
    expect(e.agg.get('deliveryRetries', { ...ee, attempt: '3' })).toBe(1);
    expect(e.agg.get('events', { ...ee, outcome: 'delivered' })).toBe(2);
    // Delivered: the pair is forgotten.
    expect(e.attempts.size).toBe(0);
  });

  it('numbers the same message to two endpoints separately', () => {
    const e = count('svix', [svixFail('msg_a'), svixFail('msg_a', { endpointId: 'ep_other', url: 'https://other.example.com/h' })]);
    expect(e.agg.scalars('deliveryRetries').reduce((a, s) => a + s.value, 0)).toBe(0);
  });

  it('counts a timeout (responseStatusCode 0 with a timeout text, or none after Svix\'s 15 s) as timeout', () => {
    const e = count('svix', [
      svixFail('msg_t', { responseStatusCode: 0, response: 'Request timed out', responseDurationMs: 15_002 }),
      svixFail('msg_u', { responseStatusCode: 0, response: '', responseDurationMs: 15_000 }),
      svixFail('msg_c', { responseStatusCode: 0, response: 'error trying to connect: tcp connect error: Connection refused (os error 111)', responseDurationMs: 3 }),
      svixFail('msg_o', { responseStatusCode: 0, response: '', responseDurationMs: 40 }),
    ]);
    expect(e.agg.get('deliveryFailures', { ...ee, reason: 'timeout' })).toBe(2);
    expect(e.agg.get('deliveryFailures', { ...ee, reason: 'connection' })).toBe(1);
    expect(e.agg.get('deliveryFailures', { ...ee, reason: 'other' })).toBe(1);
  });

  it('counts an attempt Svix failed despite a 2xx (too late) as a failure', () => {
    const e = count('svix', [svix('msg_s', { status: 2, responseStatusCode: 200, responseDurationMs: 16_000 })]);
    expect(e.agg.get('deliveryFailures', { ...ee, reason: 'other' })).toBe(1);
  });
});

describe('Convoy: attempts numbered per event delivery (msg_id) and endpoint, errors classified', () => {
  it('counts retries and classifies Go error strings, whatever the host name says', () => {
    const e = count('convoy', [
      convoyFail('ed_1', 'Post "https://tls-hooks.example.com/hook": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'),
      convoyFail('ed_1', 'Post "https://tls-hooks.example.com/hook": dial tcp 203.0.113.9:443: connect: connection refused'),
      convoyFail('ed_1', 'Post "https://timeout.example.com/hook": dial tcp: lookup timeout.example.com: no such host'),
      convoyFail('ed_1', 'Post "https://hooks.example.com/hook": tls: failed to verify certificate: x509: certificate has expired or is not yet valid'),
      convoy('ed_1'),
    ]);
    const cv = { endpoint: ENDPOINT, event_type: 'unknown' };
    for (const reason of ['timeout', 'connection', 'dns', 'tls'] as const) expect(e.agg.get('deliveryFailures', { ...cv, reason }), reason).toBe(1);
    expect(e.agg.get('deliveryFailures', { ...cv, reason: 'other' })).toBe(0);
    for (const attempt of ['2', '3', '4', '5'] as const) expect(e.agg.get('deliveryRetries', { ...cv, attempt }), attempt).toBe(1);
  });
});

describe('AttemptMemory', () => {
  it('keeps at most its cap, forgetting the least recently seen, and restores what it saved', () => {
    const m = new AttemptMemory(2);
    expect([m.next('a', 'e', false), m.next('b', 'e', false), m.next('a', 'e', false)]).toEqual([1, 1, 2]);
    m.next('c', 'e', false); // b is the least recently seen
    expect(m.size).toBe(2);
    const again = new AttemptMemory(2, m.toJSON());
    expect([again.next('a', 'e', false), again.next('b', 'e', false)]).toEqual([3, 1]);
    again.reconfigure(1);
    expect(again.size).toBe(1);
  });
});
