import { describe, expect, it } from 'vitest';
import { evaluate, jsonPath, statusAccepted } from '../../../prober/assertions.js';

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
