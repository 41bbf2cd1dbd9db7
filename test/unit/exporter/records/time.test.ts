import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTimestamp } from '../../../../exporter/records/time.js';

/** The reference: RFC 3339 shape check, then Date.parse on whole milliseconds. */
function reference(v: string): number | 'bad' {
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$/.test(v)) return 'bad';
  const ms = Date.parse(v.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) ? ms / 1000 : 'bad';
}
function read(v: string): number | 'bad' {
  try {
    return readTimestamp(v);
  } catch {
    return 'bad';
  }
}

describe('timestamps', () => {
  it('reads Unix seconds and milliseconds by format', () => {
    expect(readTimestamp(1764324000, 'unix_s')).toBe(1764324000);
    expect(readTimestamp('1764324000123', 'unix_ms')).toBe(1764324000.123);
    expect(readTimestamp(1764324000123)).toBe(1764324000.123);
  });

  it('the cached fast path agrees with the reference on near-ISO strings, in any order', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const iso = fc.tuple(fc.constantFrom('2026', '2027', '1999'), fc.constantFrom('01', '02', '11', '13'), fc.constantFrom('01', '28', '30', '31'),
      fc.constantFrom('00', '10', '23', '24'), digits(2), digits(2), fc.constantFrom('', '.', '.5', '.123', '.123456789', '.1234567890', '.12a'),
      fc.constantFrom('Z', 'z', '+02:00', '', 'ZZ'))
      .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`);
    fc.assert(fc.property(fc.array(iso, { maxLength: 20 }), (vs) => {
      for (const v of vs) expect(read(v), v).toBe(reference(v));
    }), { numRuns: 300 });
  });
});
