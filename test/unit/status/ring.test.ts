import { describe, expect, it } from 'vitest';
import { historyCapacity, MIN_HISTORY, StatusHistory } from '../../../status/history.js';
import { BYTES_PER_ENTRY, MAX_DETAIL, ProbeRing, RING_OVERHEAD_BYTES } from '../../../status/ring.js';
import { failure, outcome } from './outcomes.js';

describe('ProbeRing', () => {
  it('keeps the newest `capacity` entries, oldest first, and wraps', () => {
    const r = new ProbeRing(3);
    for (let t = 1; t <= 5; t++) r.push(outcome(t));
    expect(r.size).toBe(3);
    expect(r.latest(10).map((e) => e.t)).toEqual([3, 4, 5]);
    expect(r.newest(0)?.t).toBe(5);
    expect(r.newest(2)?.t).toBe(3);
    expect(r.newest(3)).toBeUndefined();
    expect(r.timeAt(1)).toBe(4);
  });

  it('stays bounded however many results arrive', () => {
    const r = new ProbeRing(100);
    for (let t = 0; t < 10_000; t++) r.push(outcome(t));
    expect(r.size).toBe(100);
    expect(r.latest(1000)).toHaveLength(100);
    expect(r.latest(1000)[0]?.t).toBe(9900);
  });

  it('reads back what the page shows, phases included, and cuts long reasons', () => {
    const r = new ProbeRing(2);
    r.push(failure(10, { detail: 'x'.repeat(500) }));
    r.push(outcome(11, { degraded: true, detail: 'slower than 1s', phases: { dns: 0.5, ttfb: 0.25 } }));
    const [f, d] = r.latest(2);
    expect(f).toMatchObject({ t: 10, result: 'connect_error', success: false, degraded: false, status: 0, phases: {} });
    expect(f?.detail).toHaveLength(MAX_DETAIL);
    expect(d).toMatchObject({ t: 11, result: 'success', success: true, degraded: true, status: 202, detail: 'slower than 1s', phases: { dns: 0.5, ttfb: 0.25 } });
    expect(r.successAt(0)).toBe(true);
    expect(r.successAt(1)).toBe(false);
  });

  it('drops the note of a plain success (only failures need a reason)', () => {
    const r = new ProbeRing(1);
    r.push(outcome(1, { detail: 'accepted in 12 ms' }));
    expect(r.newest()?.detail).toBe('');
  });

  it('resizes keeping the newest entries', () => {
    const r = new ProbeRing(5);
    for (let t = 1; t <= 5; t++) r.push(t === 4 ? failure(t) : outcome(t));
    const small = r.resized(2);
    expect(small.latest(5).map((e) => [e.t, e.success])).toEqual([[4, false], [5, true]]);
    expect(r.resized(10).latest(10).map((e) => e.t)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new ProbeRing(0)).toThrow('Invalid ring capacity 0. Must be a positive integer.');
  });
});

describe('StatusHistory', () => {
  const target = (endpoint: string, kind: 'delivery' | 'health') => ({ endpoint: { name: endpoint }, check: { kind } }) as never;

  it('keeps one ring per endpoint and check', () => {
    const h = new StatusHistory(4);
    h.record(outcome(1));
    h.record(outcome(2, { check: 'health' }));
    h.record(outcome(3, { endpoint: 'backup' }));
    expect(h.size).toBe(3);
    expect(h.ring('primary', 'delivery')?.size).toBe(1);
    expect(h.ring('primary', 'health')?.newest()?.t).toBe(2);
  });

  it('drops rings of removed targets and applies a new size on sync', () => {
    const h = new StatusHistory(4);
    for (let t = 1; t <= 4; t++) {
      h.record(outcome(t));
      h.record(outcome(t, { endpoint: 'gone' }));
    }
    h.sync([target('primary', 'delivery')], { size: 2, budgetBytes: Infinity });
    expect(h.size).toBe(1);
    expect(h.ring('gone', 'delivery')).toBeUndefined();
    expect(h.ring('primary', 'delivery')?.latest(9).map((e) => e.t)).toEqual([3, 4]);
    h.record(outcome(5));
    expect(h.ring('primary', 'delivery')?.capacity).toBe(2);
  });

  it('divides a total memory budget across targets: shorter rings for more targets, never past history_size or below the minimum', () => {
    const perRing = (entries: number) => RING_OVERHEAD_BYTES + entries * BYTES_PER_ENTRY;
    const limits = { size: 1440, budgetBytes: 1000 * perRing(1440) };
    expect(historyCapacity(limits, 1)).toBe(1440);
    expect(historyCapacity(limits, 1000)).toBe(1440);
    expect(historyCapacity(limits, 2000)).toBe(Math.floor((limits.budgetBytes / 2000 - RING_OVERHEAD_BYTES) / BYTES_PER_ENTRY));
    expect(historyCapacity(limits, 2000)).toBeGreaterThan(700);
    expect(historyCapacity(limits, 20_000)).toBe(Math.floor((limits.budgetBytes / 20_000 - RING_OVERHEAD_BYTES) / BYTES_PER_ENTRY));
    for (const n of [1, 10, 1000, 5000, 20_000]) {
      const c = historyCapacity(limits, n);
      if (c > MIN_HISTORY) expect(n * perRing(c)).toBeLessThanOrEqual(limits.budgetBytes);
    }
    expect(historyCapacity({ size: 1440, budgetBytes: 1024 }, 100_000)).toBe(MIN_HISTORY);
    expect(historyCapacity({ size: 5, budgetBytes: 1024 }, 100_000)).toBe(5);
  });

  it('shortens every ring when a reload adds targets past the budget, and says so', () => {
    const budgetBytes = 2 * (RING_OVERHEAD_BYTES + 100 * BYTES_PER_ENTRY);
    const h = new StatusHistory({ size: 100, budgetBytes });
    h.sync([target('primary', 'delivery'), target('primary', 'health')], { size: 100, budgetBytes });
    for (let t = 1; t <= 100; t++) h.record(outcome(t));
    expect(h.capacity).toBe(100);
    expect(h.limitedByBudget).toBe(false);
    const four = ['a', 'b', 'c', 'd'].map((e) => target(e, 'delivery'));
    h.sync([target('primary', 'delivery'), ...four], { size: 100, budgetBytes });
    expect(h.capacity).toBe(Math.floor((budgetBytes / 5 - RING_OVERHEAD_BYTES) / BYTES_PER_ENTRY));
    expect(h.limitedByBudget).toBe(true);
    expect(h.ring('primary', 'delivery')?.latest(1000).map((e) => e.t)).toEqual(Array.from({ length: h.capacity }, (_, i) => 100 - h.capacity + 1 + i));
    expect(h.bytesWhenFull).toBeLessThanOrEqual(budgetBytes);
  });
});
