import { afterEach, describe, expect, it } from 'vitest';
import { duration } from '../../../config/index.js';
import { Scheduler } from '../../../prober/scheduler.js';

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

  it('fires cron schedules with seconds and reports small non-negative drift', async () => {
    s = new Scheduler();
    const drifts: number[] = [];
    s.add({ key: 'cron', schedule: { kind: 'cron', expr: '* * * * * *' }, run: async () => undefined, onSkip: () => undefined, onDrift: (d) => drifts.push(d) }, false);
    await sleep(2300);
    expect(drifts.length).toBeGreaterThanOrEqual(2);
    for (const d of drifts) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(0.5);
    }
  });

  it('stop() waits for a running job', async () => {
    s = new Scheduler();
    let done = false;
    s.add({ key: 'j', schedule: { kind: 'interval', every: duration(60) }, run: async () => { await sleep(150); done = true; }, onSkip: () => undefined, onDrift: () => undefined });
    await s.stop();
    expect(done).toBe(true);
  });
});
