import { describe, expect, it } from 'vitest';
import { DeliveryWindow, RATE_WINDOW, type DeliveryTotals } from '../../../status/delivery.js';
import { latencySeries, MAX_POINTS, quantile } from '../../../status/latency.js';
import { ProbeRing } from '../../../status/ring.js';
import { failure, outcome } from './outcomes.js';

describe('latency series', () => {
  it('nearest-rank quantiles', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(v, 0.5)).toBe(5);
    expect(quantile(v, 0.95)).toBe(10);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('p50 and p95 per aligned bucket, from every check, gaps as null', () => {
    const a = new ProbeRing(100);
    const b = new ProbeRing(100);
    // t = 1…10: probes of 10…100 ms over two rings; t = 125: one of 0.5 s; nothing between.
    for (let i = 1; i <= 5; i++) a.push(outcome(i, { durationSeconds: i / 100 }));
    for (let i = 6; i <= 10; i++) b.push(outcome(i, { durationSeconds: i / 100, check: 'health' }));
    a.push(outcome(125, { durationSeconds: 0.5 }));
    const s = latencySeries([a, b], 130, 3600, 1);
    expect(s.bucketSeconds).toBe(5);
    expect(s.t[0]).toBe(0);
    expect(s.p50[0]).toBeCloseTo(0.02, 6); // bucket [0, 5) holds 10, 20, 30, 40 ms: nearest rank 2
    expect(s.p95[s.p95.length - 1]).toBeCloseTo(0.5, 6);
    expect(s.p50.filter((x) => x === null).length).toBeGreaterThan(0);
    expect(s.t.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.recent).toEqual({ p50: 0.06, p95: 0.5, probes: 11 });
  });

  it('leaves out probes that measured nothing (no response, no timeout)', () => {
    const r = new ProbeRing(10);
    r.push(failure(1));
    r.push(failure(2, { result: 'timeout', durationSeconds: 5 }));
    expect(latencySeries([r], 3, 3600, 1)).toMatchObject({ t: [2], p50: [5], p95: [5] });
    expect(latencySeries([new ProbeRing(1)], 3, 3600, 1)).toMatchObject({ t: [], recent: { p50: null, probes: 0 } });
  });

  it('keeps at most MAX_POINTS points over a full hour', () => {
    const r = new ProbeRing(3600);
    for (let t = 0; t < 3600; t++) r.push(outcome(t));
    const s = latencySeries([r], 3599, 3600, 1);
    expect(s.t.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.bucketSeconds).toBe(60);
  });
});

/** The exporter's totals for endpoint "primary" (and one other endpoint). */
function totals(attempts: number, failures: number, retries: number, dlq: number, remaining?: number): Map<string, DeliveryTotals> {
  const rateLimit = remaining === undefined ? {} : { rateLimitRemaining: remaining, rateLimitLimit: 20 };
  return new Map<string, DeliveryTotals>([['primary', { attempts, failures, retries, dlqDepth: dlq, ...rateLimit }], ['other', { attempts: 7, failures: 0, retries: 0 }]]);
}

describe('delivery figures from the exporter', () => {
  it('totals from a single sample, say so with a null window', () => {
    const w = new DeliveryWindow();
    expect(w.stats('primary')).toBeNull();
    w.add(1000, totals(100, 10, 20, 3));
    expect(w.stats('primary')).toEqual({
      windowSeconds: null, attempts: 100, successRatio: 0.9, retryRatio: 0.2, dlqDepth: 3,
      rateLimitHeadroom: null, rateLimitRemaining: null, rateLimitLimit: null,
    });
  });

  it('rates over the window, like the alert rules', () => {
    const w = new DeliveryWindow();
    w.add(1000, totals(100, 10, 20, 3));
    w.add(1060, totals(200, 60, 30, 5, 5));
    expect(w.stats('primary')).toMatchObject({ windowSeconds: 60, attempts: 100, successRatio: 0.5, retryRatio: 0.1, dlqDepth: 5, rateLimitHeadroom: 0.25 });
    expect(w.stats('nobody')).toMatchObject({ attempts: 0, successRatio: null, retryRatio: null, dlqDepth: null });
  });

  it('forgets samples older than the window, keeping one at its start', () => {
    const w = new DeliveryWindow();
    for (let i = 0; i <= 60; i++) w.add(i * 10, totals(100 + i * 10, 0, i, 0));
    expect(w.stats('primary')).toMatchObject({ windowSeconds: RATE_WINDOW, attempts: 300, retryRatio: 30 / 300 });
  });

  it('falls back to totals when the counters went down (state restarted) or the span is too short', () => {
    const w = new DeliveryWindow();
    w.add(1000, totals(500, 0, 0, 0));
    w.add(1100, totals(50, 5, 0, 0));
    expect(w.stats('primary')).toMatchObject({ windowSeconds: null, attempts: 50, successRatio: 0.9 });
    const short = new DeliveryWindow();
    short.add(1000, totals(10, 0, 0, 0));
    short.add(1001, totals(11, 1, 0, 0));
    expect(short.stats('primary')).toMatchObject({ windowSeconds: null, attempts: 11 });
  });
});
