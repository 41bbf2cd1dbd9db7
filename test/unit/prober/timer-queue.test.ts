/**
 * The scheduler's one timer for every start: order, cancel, and a single
 * Node timer however many jobs wait (not one per target).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { duration } from '../../../config/index.js';
import { Scheduler } from '../../../prober/scheduler.js';
import { TimerQueue, type Timed } from '../../../prober/timer-queue.js';

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
let s: Scheduler | undefined;
afterEach(async () => s?.stop());

describe('TimerQueue', () => {
  it('fires items in the order of their times, skips cancelled ones, and holds one Node timer', async () => {
    const q = new TimerQueue();
    const fired: number[] = [];
    const base = Date.now() + 30;
    const before = timeouts();
    const items: Timed[] = [5, 1, 4, 2, 3, 0].map((k) => ({ at: base + k * 5, fire: () => fired.push(k) }));
    for (const item of items) q.push(item);
    q.cancel(items[3]!);
    expect(timeouts() - before).toBe(1);
    await new Promise((r) => setTimeout(r, 120));
    expect(fired).toEqual([0, 1, 3, 4, 5]);
    expect(q.size).toBe(0);
    // Other timers of the test runner come and go: none of ours is left.
    expect(timeouts() - before).toBeLessThanOrEqual(0);
  });

  it('fires an item pushed again from its own fire at its new time', async () => {
    const q = new TimerQueue();
    let n = 0;
    const item: Timed = { at: Date.now(), fire: () => { n += 1; if (n < 3) { item.at = Date.now() + 5; q.push(item); } } };
    q.push(item);
    await new Promise((r) => setTimeout(r, 100));
    expect(n).toBe(3);
  });
});

describe('Scheduler on one timer', () => {
  it('holds one Node timer for 1,000 interval jobs, and none once stopped', async () => {
    const before = timeouts();
    s = new Scheduler();
    for (let i = 0; i < 1000; i++) s.add({ key: `ep-${i}/delivery`, schedule: { kind: 'interval', every: duration(60) }, run: async () => undefined, onSkip: () => undefined, onDrift: () => undefined }, false);
    expect(timeouts() - before).toBe(1);
    await s.stop();
    expect(timeouts() - before).toBeLessThanOrEqual(0);
  });
});
