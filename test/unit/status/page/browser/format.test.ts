import { describe, expect, it } from 'vitest';
import { dur, fmtMs, pct, span, tickClass, tickText } from '../../../../../status/page/browser/format.js';

const tick = { t: 0, result: 'timeout', success: false, degraded: false, status: 0, seconds: 5, detail: 'timeout after 5s' } as const;

describe('the page script\'s words for numbers', () => {
  it('percentages never round up to 100%, missing figures show a dash', () => {
    expect(pct(0.99996)).toBe('99.99%');
    expect([pct(1), pct(1.2), pct(0), pct(-1), pct(null)]).toEqual(['100%', '100%', '0%', '0%', '\u2014']);
  });

  it('percentages are rounded to two decimals, not truncated (issue 13: 16.66%, 82.60%)', () => {
    expect([pct(1 / 6), pct(19 / 23), pct(0.826), pct(5 / 6), pct(2 / 3)]).toEqual(['16.67%', '82.61%', '82.60%', '83.33%', '66.67%']);
    expect([pct(0.5), pct(0.12345), pct(0.99994), pct(0.00004), pct(0.00006)]).toEqual(['50.00%', '12.35%', '99.99%', '0.01%', '0.01%']);
  });

  it('durations and spans in their largest sensible unit', () => {
    expect([fmtMs(0), fmtMs(4.25), fmtMs(42.4), fmtMs(1234), fmtMs(null)]).toEqual(['0 ms', '4.3 ms', '42 ms', '1.23 s', '\u2014']);
    expect(dur(0.0425)).toBe('43 ms');
    expect([span(42), span(600), span(5400), span(3 * 86400)]).toEqual(['42 s', '10 min', '1.5 h', '3 d']);
  });

  it('a tick says how the probe went without relying on colour', () => {
    expect(tickClass(tick)).toBe('fail');
    expect(tickClass({ ...tick, success: true, degraded: true })).toBe('slow');
    expect(tickText(tick)).toMatch(/: failed \(timeout\), status none, 5\.00 s, timeout after 5s$/);
  });
});
