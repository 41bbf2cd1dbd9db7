import { describe, expect, it } from 'vitest';
import { parseLine, readerFor } from '../../../../exporter/records/parse.js';

const native = readerFor({ format: 'hookwatch' });
const base = { ts: '2026-11-28T10:00:01.234Z', event_id: 'evt_1', event_type: 'payment.received', endpoint: 'payments-primary' };
const line = (o: object) => JSON.stringify(o);

describe('native hookwatch records', () => {
  it('reads the DESIGN.md example with units converted to seconds', () => {
    const r = parseLine(line({
      ...base, kind: 'attempt', url: 'https://primary.example.com/webhook', attempt: 2, status: 503, error: null, duration_ms: 184.2,
      created_at: '2026-11-28T10:00:00.000Z', queued_at: '2026-11-28T10:00:01.050Z', outcome: 'retrying',
      rate_limit: { limit: 100, remaining: 12, reset_seconds: 30 }, request_id: 'req_9f2',
    }), native);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toMatchObject({
      kind: 'attempt', ts: Date.parse(base.ts) / 1000, eventId: 'evt_1', attempt: 2, status: 503, error: undefined,
      createdAt: Date.parse('2026-11-28T10:00:00.000Z') / 1000, outcome: 'retrying', rateLimitLimit: 100, rateLimitRemaining: 12,
    });
    expect(r.record.durationSeconds).toBeCloseTo(0.1842, 10);
  });

  it.each([
    ['not JSON', '{"ts":', 'invalid_json'],
    ['an empty line', '', 'invalid_json'],
    ['an array', '[1]', 'not_object'],
    ['a string', '"x"', 'not_object'],
    ['no event_id', line({ ...base, event_id: undefined }), 'missing_field'],
    ['no ts', line({ ...base, ts: undefined }), 'missing_field'],
    ['neither endpoint nor url', line({ ...base, endpoint: undefined }), 'missing_field'],
    ['a status that is not a number', line({ ...base, status: 'ok' }), 'wrong_type'],
    ['an object as event_type', line({ ...base, event_type: { a: 1 } }), 'wrong_type'],
    ['a timestamp without zone', line({ ...base, ts: '2026-11-28T10:00:01' }), 'bad_timestamp'],
    ['a timestamp that is prose', line({ ...base, ts: 'yesterday' }), 'bad_timestamp'],
    ['an unknown kind', line({ ...base, kind: 'retry' }), 'unknown_kind'],
    ['a processed record with an unknown status', line({ ...base, kind: 'processed', status: 'meh' }), 'unknown_value'],
  ])('skips %s with a reason', (_what, text, reason) => {
    expect(parseLine(text, native)).toEqual({ ok: false, reason });
  });

  it('accepts a url without endpoint, numeric strings, and a trailing CR-free nanosecond time', () => {
    const r = parseLine(line({ ...base, endpoint: undefined, url: 'https://x.example/h', status: '204', ts: '2026-11-28T10:00:01.123456789+02:00' }), native);
    expect(r.ok && r.record.status).toBe(204);
    expect(r.ok && r.record.ts).toBe(Date.parse('2026-11-28T08:00:01.123Z') / 1000);
  });

  it('reads receiver-side processed records', () => {
    const r = parseLine(line({ ...base, kind: 'processed', status: 'duplicate', processing_ms: 12 }), native);
    expect(r.ok && r.record).toMatchObject({ kind: 'processed', processedStatus: 'duplicate', status: undefined, processingSeconds: 0.012 });
  });
});

describe('presets and maps', () => {
  it('reads a Svix MessageAttemptOut (status 0 = success → delivered)', () => {
    const r = parseLine(line({
      id: 'atmpt_1', msgId: 'msg_1', endpointId: 'ep_1', url: 'https://primary.example.com/webhook', status: 0,
      responseStatusCode: 200, responseDurationMs: 120, timestamp: '2026-11-28T10:00:00Z', triggerType: 0, msg: { eventType: 'invoice.paid' },
    }), readerFor({ format: 'svix' }));
    expect(r.ok && r.record).toMatchObject({ eventId: 'msg_1', eventType: 'invoice.paid', endpoint: 'ep_1', status: 200, durationSeconds: 0.12, outcome: 'delivered' });
  });

  it('reads a Convoy DeliveryAttempt: string http_status, duration from requested/responded', () => {
    const r = parseLine(line({
      uid: 'a1', msg_id: 'ed_1', endpoint_id: 'ep_9', url: 'https://x.example/h', http_status: '502', error: '', status: false,
      requested_at: '2026-11-28T10:00:00.000Z', responded_at: '2026-11-28T10:00:00.250Z', created_at: '2026-11-28T10:00:00Z',
    }), readerFor({ format: 'convoy' }));
    expect(r.ok && r.record).toMatchObject({ eventId: 'ed_1', eventType: 'unknown', status: 502, error: undefined, durationSeconds: 0.25, outcome: undefined });
  });

  it('applies a generic map with dotted paths, units and Unix timestamps', () => {
    const read = readerFor({ format: 'map', map: { paths: { ts: 't', event_id: 'id', event_type: 'meta.type', url: 'target.url', status: 'http.code', duration: 'took' }, durationUnit: 's', timestampFormat: 'unix_ms' } });
    const r = parseLine(line({ t: 1764324000123, id: 'x', meta: { type: 'a.b' }, target: { url: 'https://h.example/p' }, http: { code: 500 }, took: 1.5 }), read);
    expect(r.ok && r.record).toMatchObject({ ts: 1764324000.123, eventType: 'a.b', url: 'https://h.example/p', status: 500, durationSeconds: 1.5 });
    expect(parseLine(line({ t: 'soon', id: 'x', meta: { type: 'a' }, target: { url: 'u' } }), read)).toEqual({ ok: false, reason: 'bad_timestamp' });
  });
});
