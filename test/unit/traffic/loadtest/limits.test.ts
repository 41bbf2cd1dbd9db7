import { describe, expect, it } from 'vitest';
import { checkLimits, isLoopbackHost, LoadtestLimitError, plannedCount } from '../../../../traffic/loadtest/limits.js';

const ok = { ratePerSecond: 100, durationSeconds: 10, concurrency: 64, url: 'http://127.0.0.1:8080/webhook', allowRemote: false };

function refusal(plan: Partial<typeof ok>): LoadtestLimitError {
  try {
    checkLimits({ ...ok, ...plan });
  } catch (err) {
    if (err instanceof LoadtestLimitError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.255.3.4', 'localhost', 'LOCALHOST', 'localhost.', '[::1]', '::1', '[::ffff:7f00:1]'])('%s is loopback', (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });
  it.each(['128.0.0.1', '10.0.0.1', '0.0.0.0', '[::]', '[::2]', 'example.com', 'localhost.example.com', '127.0.0.1.nip.io', '[::ffff:a00:1]'])('%s is not', (h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });
  it('agrees with how URL spells hosts', () => {
    expect(isLoopbackHost(new URL('http://[0:0:0:0:0:0:0:1]:9/').hostname)).toBe(true);
    expect(isLoopbackHost(new URL('http://0x7f.1/').hostname)).toBe(true); // URL normalises to 127.0.0.1
  });
});

describe('checkLimits', () => {
  it('accepts the bounds themselves', () => {
    expect(() => checkLimits({ ...ok, ratePerSecond: 2000, durationSeconds: 600, concurrency: 1000 })).not.toThrow();
  });
  it('refuses rates above 2000/s, zero and non-numbers', () => {
    for (const r of [2000.5, 0, -1, Number.NaN, Infinity]) expect(refusal({ ratePerSecond: r }).field).toBe('rate');
  });
  it('refuses durations above 10m and zero', () => {
    expect(refusal({ durationSeconds: 601 }).message).toMatch(/at most 10m/);
    expect(refusal({ durationSeconds: 0 }).field).toBe('duration');
  });
  it('refuses fractional, zero and huge concurrency', () => {
    for (const c of [0, 2.5, 1001]) expect(refusal({ concurrency: c }).field).toBe('concurrency');
  });
  it('refuses a remote host unless allowed', () => {
    const e = refusal({ url: 'https://hooks.example.com/in' });
    expect(e.field).toBe('endpoint');
    expect(e.message).toMatch(/hooks\.example\.com: not a loopback address.*--allow-remote/);
    expect(() => checkLimits({ ...ok, url: 'https://hooks.example.com/in', allowRemote: true })).not.toThrow();
  });
});

describe('plannedCount', () => {
  it('is rate × duration, at least one', () => {
    expect(plannedCount(50, 1)).toBe(50);
    expect(plannedCount(2000, 600)).toBe(1_200_000);
    expect(plannedCount(3, 0.5)).toBe(2); // sends at 0 and 0.333
    expect(plannedCount(0.5, 1)).toBe(1);
    expect(plannedCount(10, 0.3)).toBe(3);
  });
});
