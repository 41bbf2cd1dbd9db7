import { afterEach, describe, expect, it, vi } from 'vitest';
import { duration } from '../../../config/index.js';
import { Scheduler } from '../../../prober/scheduler.js';
import { nextSlot, spreadFraction } from '../../../prober/spread.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let s: Scheduler;
afterEach(async () => s?.stop());

describe('Scheduler', () => {
  it('skips and counts a run while the previous one is still going, never queues it', async () => {
    s = new Scheduler();
    let runs = 0;
    let skips = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    s.add({
      key: 'slow', schedule: { kind: 'interval', every: duration(0.05) },
      run: async () => {
        runs += 1;
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await sleep(180);
        concurrent -= 1;
      },
      onSkip: () => (skips += 1),
      onDrift: () => undefined,
    });
    await sleep(500);
    await s.stop();
    expect(maxConcurrent).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(4);
    expect(skips).toBeGreaterThanOrEqual(4);
  });

  it('fires cron schedules with seconds, at the job\'s offset into the second, and reports small non-negative drift', async () => {
    s = new Scheduler();
    const drifts: number[] = [];
    const into: number[] = [];
    s.add({ key: 'cron', schedule: { kind: 'cron', expr: '* * * * * *' }, run: async () => { into.push(Date.now() % 1000); }, onSkip: () => undefined, onDrift: (d) => drifts.push(d) }, false);
    await sleep(3300);
    // Not at the top of the second: at the key's place in it (generous for a loaded machine).
    const offset = spreadFraction('cron') * 1000;
    for (const ms of into) expect(((ms - offset + 1500) % 1000) - 500).toBeGreaterThanOrEqual(-5);
    expect(drifts.length).toBeGreaterThanOrEqual(2);
    for (const d of drifts) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(0.5);
    }
  });

  it('stop() waits for a running job', async () => {
    s = new Scheduler();
    let started = false;
    let done = false;
    s.add({ key: 'j', schedule: { kind: 'interval', every: duration(60) }, run: async () => { started = true; await sleep(150); done = true; }, onSkip: () => undefined, onDrift: () => undefined });
    await vi.waitFor(() => expect(started).toBe(true), { timeout: 5000 });
    await s.stop();
    expect(done).toBe(true);
  });

  it('starts jobs at their own offsets, spread over the interval, in the order of their offsets', async () => {
    s = new Scheduler();
    const keys = Array.from({ length: 8 }, (_, i) => `endpoint-${i}/delivery`);
    const order: string[] = [];
    const every = 2;
    for (const key of keys) s.add({ key, schedule: { kind: 'interval', every: duration(every) }, run: async () => { order.push(key); }, onSkip: () => undefined, onDrift: () => undefined }, false);
    await vi.waitFor(() => expect(order.length).toBeGreaterThanOrEqual(keys.length), { timeout: 10_000, interval: 50 });
    // Within one interval the jobs run in the order of their offsets: by the
    // place of each slot in the interval, counted from the first to run.
    const first = nextSlot(order[0]!, every * 1000, 0) % (every * 1000);
    const place = (k: string) => ((nextSlot(k, every * 1000, 0) % (every * 1000)) - first + every * 1000) % (every * 1000);
    const expected = [...keys].sort((a, b) => place(a) - place(b));
    expect(order.slice(0, keys.length)).toEqual(expected);
  });

  it('does not make a job wait for another job that is still running', async () => {
    s = new Scheduler();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let fastRuns = 0;
    let slowRuns = 0;
    s.add({ key: 'slow/delivery', schedule: { kind: 'interval', every: duration(0.1) }, run: async () => { slowRuns += 1; await slow; }, onSkip: () => undefined, onDrift: () => undefined });
    s.add({ key: 'fast/delivery', schedule: { kind: 'interval', every: duration(0.1) }, run: async () => { fastRuns += 1; }, onSkip: () => undefined, onDrift: () => undefined });
    await vi.waitFor(() => expect(fastRuns).toBeGreaterThanOrEqual(5), { timeout: 10_000 });
    expect(slowRuns).toBe(1);
    release();
  });
});
