/**
 * The window-fill term of the 20% 5xx bound, checked against a seeded
 * simulation of what the e2e test runs: one event every 1/r s, each attempt
 * failing with probability e, a failed first attempt retried 0.5 s later,
 * and the failure ratio over the window judged every 0.1 s.
 */
import { describe, expect, it } from 'vitest';
import { detectionBounds, windowFill, Z90, type Traffic } from './detection.js';

const T: Traffic = { perEndpoint: 5, errorRatio: 0.2, threshold: 0.1, window: 15, rateLimit: 10, remainingRatio: 0.2 };

/** Mulberry32: a small seeded PRNG, so the simulation is the same every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seconds after the fault until failed / attempts over the window exceeds the threshold. */
function crossing(t: Traffic, random: () => number): number {
  const attempts: [at: number, failed: boolean][] = [];
  for (let at = -t.window; at < 30; at += 1 / t.perEndpoint) {
    const failed = at >= 0 && random() < t.errorRatio;
    attempts.push([at, failed]);
    if (failed) attempts.push([at + 0.5, random() < t.errorRatio]);
  }
  for (let now = 0; now < 30; now += 0.1) {
    const inWindow = attempts.filter(([at]) => at > now - t.window && at <= now);
    if (inWindow.filter(([, f]) => f).length > t.threshold * inWindow.length) return now;
  }
  return Infinity;
}

describe('detection bounds', () => {
  it('the window fill is θ·W / (e·(1 + e − θ)) in expectation, and the simulation\'s 90th percentile at z = 1.28', () => {
    expect(windowFill(T)).toBeCloseTo(0.1 * 15 / (0.2 * 1.1), 9);
    const random = prng(2026);
    const runs = Array.from({ length: 400 }, () => crossing(T, random)).sort((a, b) => a - b);
    const p90 = runs[Math.floor(0.9 * runs.length)]!;
    expect(Math.abs(p90 - windowFill(T, Z90))).toBeLessThan(1);
    // The expectation is below the median: an integer count must pass the line.
    expect(runs[runs.length / 2]!).toBeGreaterThan(windowFill(T));
  });

  it('every bound is the sum of its terms', () => {
    const bounds = detectionBounds({ scrape: 1, evaluation: 1, groupWait: 1, probe: 1, for: 4 }, T);
    for (const b of Object.values(bounds)) expect(b.seconds).toBeCloseTo(b.terms.reduce((s, [, v]) => s + v, 0), 1);
    expect(bounds['3. 20% 5xx → Slack']!.seconds).toBe(20.1);
  });
});
