import { describe, expect, it } from 'vitest';
import { LoadStats, percentile } from '../../../../traffic/loadtest/stats.js';

/** Fisher–Yates with a fixed LCG, so the recording order is mixed but repeatable. */
function shuffled(values: number[]): number[] {
  const out = [...values];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('percentile (nearest rank)', () => {
  it('picks the smallest sample with p% at or below it', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect([50, 95, 99, 100].map((p) => percentile(sorted, p))).toEqual([50, 95, 99, 100]);
    expect(percentile([0.5], 99)).toBe(0.5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeUndefined();
  });
});

describe('LoadStats', () => {
  it('gives exact p50/p95/p99/max of known latencies recorded in any order', () => {
    const ms = Array.from({ length: 1000 }, (_, i) => (i + 1) / 1000); // 1ms … 1000ms
    const stats = new LoadStats(1000);
    for (const l of shuffled(ms)) stats.record({ status: 202, latencySeconds: l });
    expect(stats.latency()).toEqual({ count: 1000, p50: 0.5, p95: 0.95, p99: 0.99, max: 1 });
  });

  it('sorts numerically, not as strings (9ms is below 10ms)', () => {
    const stats = new LoadStats(3);
    for (const l of [0.01, 0.009, 0.1]) stats.record({ status: 200, latencySeconds: l });
    expect(stats.latency()).toMatchObject({ p50: 0.01, max: 0.1 });
  });

  it('counts status codes and error kinds exactly and keeps errors out of the latencies', () => {
    const stats = new LoadStats(10);
    for (const s of [202, 202, 503, 429, 202]) stats.record({ status: s, latencySeconds: 0.002 });
    stats.record({ error: 'connect_error', detail: 'ECONNREFUSED: connect refused', latencySeconds: 0.0001 });
    stats.record({ error: 'timeout', detail: 'timed out', latencySeconds: 5 });
    stats.record({ error: 'timeout', detail: 'timed out again', latencySeconds: 5 });
    expect(stats.statusCodes()).toEqual({ 202: 3, 429: 1, 503: 1 });
    expect(Object.keys(stats.statusCodes())).toEqual(['202', '429', '503']);
    expect(stats.errorKinds()).toEqual({ connect_error: 1, timeout: 2 });
    expect(stats.errorDetails()).toEqual({ connect_error: 'ECONNREFUSED: connect refused', timeout: 'timed out' });
    expect(stats.completed).toBe(8);
    expect(stats.failed).toBe(5);
    expect(stats.latency()).toEqual({ count: 5, p50: 0.002, p95: 0.002, p99: 0.002, max: 0.002 });
  });

  it('has no latency summary when nothing answered', () => {
    const stats = new LoadStats(2);
    stats.record({ error: 'dns_error', detail: 'ENOTFOUND', latencySeconds: 0.01 });
    expect(stats.latency()).toBeUndefined();
  });

  it('never grows past its capacity', () => {
    const stats = new LoadStats(2);
    stats.record({ status: 200, latencySeconds: 1 });
    stats.record({ status: 200, latencySeconds: 1 });
    expect(() => stats.record({ status: 200, latencySeconds: 1 })).toThrow(RangeError);
  });
});
