import { describe, expect, it } from 'vitest';
import { evaluate, jsonPath, statusAccepted } from '../../../prober/assertions.js';
import { renderBody } from '../../../prober/event-body.js';
import { parseRateLimit, parseRetryAfter } from '../../../prober/http/rate-limit.js';

const NOW = 1_800_000_000;

describe('rate-limit headers', () => {
  it('reads the IETF RateLimit-* headers', () => {
    expect(parseRateLimit({ 'ratelimit-limit': '100', 'ratelimit-remaining': '7', 'ratelimit-reset': '12' }, NOW)).toEqual({ limit: 100, remaining: 7, resetSeconds: 12 });
  });
  it('reads X-RateLimit-* with an epoch reset as seconds from now', () => {
    expect(parseRateLimit({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(NOW + 90) }, NOW)).toEqual({ limit: 5000, remaining: 4999, resetSeconds: 90 });
  });
  it('reads the structured RateLimit header', () => {
    expect(parseRateLimit({ ratelimit: 'limit=10, remaining=2, reset=5' }, NOW)).toEqual({ limit: 10, remaining: 2, resetSeconds: 5 });
  });
  it('falls back to Retry-After, in seconds or as a date', () => {
    expect(parseRateLimit({ 'retry-after': '30' }, NOW)).toEqual({ resetSeconds: 30 });
    expect(parseRetryAfter(new Date((NOW + 60) * 1000).toUTCString(), NOW)).toBe(60);
  });
  it('returns nothing without rate-limit headers, and ignores garbage', () => {
    expect(parseRateLimit({ 'content-type': 'text/plain' }, NOW)).toBeUndefined();
    expect(parseRateLimit({ 'ratelimit-remaining': 'lots' }, NOW)).toBeUndefined();
  });
});

describe('assertions', () => {
  it('accepts status codes and classes', () => {
    expect(statusAccepted(204, ['2xx'])).toBe(true);
    expect(statusAccepted(302, ['2xx', 301])).toBe(false);
    expect(statusAccepted(301, ['2xx', 301])).toBe(true);
  });
  it('reads dotted JSON paths', () => {
    expect(jsonPath({ a: { b: [{ c: 1 }] } }, 'a.b.0.c')).toBe(1);
    expect(jsonPath({ a: 1 }, 'a.b')).toBeUndefined();
  });
  it('reports the first failing rule', () => {
    const expect_ = { status: ['2xx'], bodyContains: 'ok', failAfterSeconds: 1, degradedAfterSeconds: 0.5 };
    expect(evaluate(expect_, 500, 'ok', 0.1)).toMatchObject({ ok: false, failed: 'status', detail: 'status 500, expected 2xx' });
    expect(evaluate(expect_, 200, 'nope', 0.1)).toMatchObject({ ok: false, failed: 'assertion' });
    expect(evaluate(expect_, 200, 'ok', 2)).toMatchObject({ ok: false, failed: 'assertion', degraded: true });
    expect(evaluate(expect_, 200, 'ok', 0.7)).toMatchObject({ ok: true, degraded: true });
    expect(evaluate(expect_, 200, 'ok', 0.1)).toMatchObject({ ok: true, degraded: false, detail: 'ok' });
  });
});

describe('synthetic event body', () => {
  it('escapes values so a JSON template stays valid JSON', () => {
    const body = renderBody('{"id":"{{id}}","type":"{{type}}","at":"{{iso_time}}","ep":"{{ endpoint }}"}', { id: 'a"b\\c', type: 'x.y', timestamp: 0, endpoint: 'e' });
    expect(JSON.parse(body)).toEqual({ id: 'a"b\\c', type: 'x.y', at: '1970-01-01T00:00:00.000Z', ep: 'e' });
  });
});
