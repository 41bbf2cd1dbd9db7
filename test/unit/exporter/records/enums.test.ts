/**
 * Every enum field the parser reads: a value inside the enum is read (or
 * mapped), a value outside it is a counted parse error, never dropped.
 * Platform records are shaped as the platforms' API objects are.
 */
import { describe, expect, it } from 'vitest';
import { parseLine, readerFor } from '../../../../exporter/records/parse.js';

const line = (o: object) => JSON.stringify(o);
const native = readerFor({ format: 'hookwatch' });
const svix = readerFor({ format: 'svix' });
const convoy = readerFor({ format: 'convoy' });
const base = { ts: '2026-11-28T10:00:01.234Z', event_id: 'evt_1', event_type: 'payment.received', endpoint: 'payments-primary' };

/** A Svix `MessageAttemptOut` as `GET /api/v1/app/{app_id}/attempt/msg/{msg_id}/` returns it. */
const svixAttempt = (over: object = {}) => ({
  id: 'atmpt_2Yb8Z0vX1nFkq3dC9mWlR7tHs', msgId: 'msg_2Yb8YwQ7vJ3kLp0aZ4nTx6eRu', endpointId: 'ep_2Yb8XrT5mN9hGc1wE8kVq0fJd',
  url: 'https://hooks.example.com/svix', response: '{"ok":true}', responseStatusCode: 200, responseDurationMs: 87,
  status: 0, triggerType: 0, timestamp: '2026-11-28T10:00:00.512Z', msg: { eventType: 'invoice.paid', payload: {} }, ...over,
});

/** A Convoy `DeliveryAttempt` as `GET /api/v1/projects/{id}/eventdeliveries/{id}/deliveryattempts` returns it. */
const convoyAttempt = (over: object = {}) => ({
  uid: '01JDX3Q6S8Q1M3W9F2K7T4B5N0', msg_id: '01JDX3Q5Z1T8V6C2R9P4K7M3H2', url: 'https://hooks.example.com/convoy', method: 'POST',
  api_version: '2024-04-01', endpoint_id: '01JDX2Y7K4R8N1B6V3C9T5M2Q8', ip_address: '203.0.113.7',
  request_http_header: { 'Content-Type': 'application/json' }, response_http_header: { 'Content-Type': 'text/plain' },
  http_status: '200', response_data: 'ok', error: '', status: true,
  created_at: '2026-11-28T10:00:00.913Z', updated_at: '2026-11-28T10:00:00.913Z', ...over,
});

describe('outcome (record v1: delivered, retrying, failed, dead_lettered)', () => {
  it.each(['delivered', 'retrying', 'failed', 'dead_lettered'])('reads %s', (outcome) => {
    const r = parseLine(line({ ...base, status: 503, outcome }), native);
    expect(r.ok && r.record.outcome).toBe(outcome);
  });

  it.each(['succeeded', 'DELIVERED', 'fail'])('counts %j as a parse error', (outcome) => {
    expect(parseLine(line({ ...base, outcome }), native)).toEqual({ ok: false, reason: 'unknown_value' });
  });

  it('counts a processed status outside the enum as unknown_value', () => {
    expect(parseLine(line({ ...base, kind: 'processed', status: 'meh' }), native)).toEqual({ ok: false, reason: 'unknown_value' });
  });
});

describe('Svix MessageAttemptOut.status (0 Success, 1 Pending, 2 Fail, 3 Sending)', () => {
  it.each([[0, 'delivered'], [2, 'failed'], [1, undefined], [3, undefined]] as const)('maps %s to outcome %s', (status, outcome) => {
    const r = parseLine(line(svixAttempt({ status })), svix);
    expect(r.ok && r.record.outcome).toBe(outcome);
  });

  it.each([7, -1, 'Success'])('counts status %j as a parse error', (status) => {
    expect(parseLine(line(svixAttempt({ status })), svix)).toEqual({ ok: false, reason: 'unknown_value' });
  });

  it('asks for the attempt number to be derived (the object has none)', () => {
    const r = parseLine(line(svixAttempt()), svix);
    expect(r.ok && r.record).toMatchObject({ attempt: undefined, deriveAttempt: true });
  });

  it('takes the response text as the error when there was no response', () => {
    const r = parseLine(line(svixAttempt({ status: 2, responseStatusCode: 0, response: 'Request timed out', responseDurationMs: 15_003 })), svix);
    expect(r.ok && r.record).toMatchObject({ status: 0, error: 'Request timed out', outcome: 'failed' });
    // A body of a real response is not an error.
    const ok = parseLine(line(svixAttempt({ status: 2, responseStatusCode: 503, response: 'timeout upstream' })), svix);
    expect(ok.ok && ok.record.error).toBeUndefined();
  });
});

describe('Convoy DeliveryAttempt.status (a boolean)', () => {
  it.each([[true, 'delivered'], [false, undefined]] as const)('maps %s to outcome %s', (status, outcome) => {
    const r = parseLine(line(convoyAttempt({ status, http_status: status ? '200' : '502' })), convoy);
    expect(r.ok && r.record).toMatchObject({ outcome, deriveAttempt: true });
  });

  it.each(['true', 1, 'Success'])('counts status %j as a parse error', (status) => {
    expect(parseLine(line(convoyAttempt({ status })), convoy)).toEqual({ ok: false, reason: 'unknown_value' });
  });
});
