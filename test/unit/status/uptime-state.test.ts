import { describe, expect, it } from 'vitest';
import { ProbeRing } from '../../../status/ring.js';
import { FLAP_WINDOW, stateOf, worstState } from '../../../status/state.js';
import { uptime } from '../../../status/uptime.js';
import { failure, outcome } from './outcomes.js';

const ringOf = (capacity: number, results: [number, boolean][]) => {
  const r = new ProbeRing(capacity);
  for (const [t, ok] of results) r.push(ok ? outcome(t) : failure(t));
  return r;
};

describe('uptime', () => {
  it('is the successful share of the probes started in the window', () => {
    // One probe a minute for two hours; the first hour all up, then 6 failures.
    const results: [number, boolean][] = Array.from({ length: 120 }, (_, i) => [i * 60, !(i >= 100 && i < 106)]);
    const r = ringOf(1440, results);
    const now = 119 * 60;
    const hour = uptime(r, now, 3600);
    expect(hour.probes).toBe(61); // t = 59 min … 119 min, both ends included
    expect(hour.ratio).toBeCloseTo(55 / 61, 10);
    expect(hour.coveredSeconds).toBe(3600);
    const day = uptime(r, now, 86_400);
    expect(day.probes).toBe(120);
    expect(day.ratio).toBeCloseTo(114 / 120, 10);
    // The history reaches back two hours only: the page says so.
    expect(day.coveredSeconds).toBe(now);
  });

  it('covers only what the ring still holds once it wrapped', () => {
    const r = ringOf(10, Array.from({ length: 50 }, (_, i) => [i * 60, true] as [number, boolean]));
    const u = uptime(r, 49 * 60, 86_400);
    expect(u).toEqual({ ratio: 1, probes: 10, windowSeconds: 86_400, coveredSeconds: 9 * 60 });
  });

  it('counts slow but successful probes as up', () => {
    const r = new ProbeRing(4);
    r.push(outcome(1, { degraded: true }));
    r.push(outcome(2));
    expect(uptime(r, 2, 3600).ratio).toBe(1);
  });

  it('is null with no probe in the window', () => {
    expect(uptime(undefined, 100, 3600)).toEqual({ ratio: null, probes: 0, windowSeconds: 3600, coveredSeconds: 0 });
    expect(uptime(ringOf(4, [[0, true]]), 10_000, 3600)).toMatchObject({ ratio: null, probes: 0, coveredSeconds: 3600 });
  });
});

describe('state rules', () => {
  it('unknown before the first probe', () => {
    expect(stateOf(undefined)).toEqual({ state: 'unknown', reason: 'no probe yet' });
    expect(stateOf(new ProbeRing(3)).state).toBe('unknown');
  });

  it('down when the last probe failed, with its reason', () => {
    expect(stateOf(ringOf(9, [[1, true], [2, true], [3, false]]))).toEqual({ state: 'down', reason: 'connect ECONNREFUSED 127.0.0.1:1' });
  });

  it('degraded when the last probe was slow', () => {
    const r = ringOf(9, [[1, true]]);
    r.push(outcome(2, { degraded: true, detail: 'took 2.1 s (degraded after 1 s)' }));
    expect(stateOf(r)).toEqual({ state: 'degraded', reason: 'took 2.1 s (degraded after 1 s)' });
  });

  it(`degraded while any of the last ${FLAP_WINDOW} probes failed, up after`, () => {
    const results: [number, boolean][] = [[1, false], [2, true], [3, true], [4, true], [5, true]];
    expect(stateOf(ringOf(9, results))).toEqual({ state: 'degraded', reason: `1 of the last ${FLAP_WINDOW} probes failed` });
    expect(stateOf(ringOf(9, [...results, [6, true]]))).toEqual({ state: 'up', reason: 'last probes succeeded' });
  });

  it('an endpoint is as bad as its worst check', () => {
    expect(worstState(['up', 'down', 'degraded'])).toBe('down');
    expect(worstState(['up', 'unknown'])).toBe('up');
    expect(worstState(['unknown'])).toBe('unknown');
    expect(worstState(['degraded', 'up'])).toBe('degraded');
  });
});
