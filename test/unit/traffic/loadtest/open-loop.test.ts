/**
 * The open-loop scheduler on simulated time: every sleep and every response
 * delay is a timer of one fake clock, fired in order by `drive`.
 */
import { describe, expect, it } from 'vitest';
import { OpenLoop, type LoopTiming } from '../../../../traffic/loadtest/open-loop.js';

function fakeClock() {
  let t = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const at = (when: number) => new Promise<void>((fire) => timers.push({ at: when, fire }));
  return {
    now: () => t,
    // Like setTimeout, a sleep lasts at least 1ms.
    sleep: (ms: number) => at(t + Math.max(1, ms) / 1000),
    /** Resolves after `seconds` of simulated time. */
    after: (seconds: number) => at(t + seconds),
    /** Fires timers in time order until `run` settles. */
    async drive(run: Promise<LoopTiming>): Promise<LoopTiming> {
      let settled = false;
      void run.finally(() => (settled = true)).catch(() => undefined);
      for (let steps = 0; !settled; steps++) {
        await new Promise((r) => setImmediate(r));
        if (settled) break;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next || steps > 100_000) throw new Error(`stuck at t=${t}`);
        t = Math.max(t, next.at);
        next.fire();
      }
      return run;
    },
  };
}

describe('OpenLoop', () => {
  it('sends at the planned times even when every response is slow', async () => {
    const clock = fakeClock();
    const sentAt: number[] = [];
    const loop = new OpenLoop({
      ratePerSecond: 10, durationSeconds: 1, count: 10, concurrency: 64, clock,
      send: async () => { sentAt.push(clock.now()); await clock.after(2); },
    });
    const timing = await clock.drive(loop.run());
    expect(sentAt).toHaveLength(10);
    sentAt.forEach((at, i) => expect(at).toBeCloseTo(i / 10, 2)); // within 5ms of i/rate
    expect(loop).toMatchObject({ sent: 10, dropped: 0, inFlight: 0 });
    expect(timing.sendingSeconds).toBe(1);
    expect(timing.elapsedSeconds).toBeCloseTo(2.9, 2); // waited for the last response
    expect(timing.aborted).toBe(false);
  });

  it('drops a planned send when every slot is busy, and uses freed slots again', async () => {
    const clock = fakeClock();
    const sentSeq: number[] = [];
    const loop = new OpenLoop({
      ratePerSecond: 10, durationSeconds: 1, count: 10, concurrency: 2, clock,
      send: async (seq) => { sentSeq.push(seq); await clock.after(0.25); },
    });
    await clock.drive(loop.run());
    // 0 and 1 fill both slots; 2 is due at 0.2 while both are busy; slot 0 frees at 0.25 …
    expect(sentSeq).toEqual([0, 1, 3, 4, 6, 7, 9]);
    expect(loop).toMatchObject({ sent: 7, dropped: 3 });
  });

  it('catches up on a late wake-up instead of skipping sends', async () => {
    const clock = fakeClock();
    let late = true;
    const sentAt: number[] = [];
    const loop = new OpenLoop({
      ratePerSecond: 100, durationSeconds: 0.1, count: 10, concurrency: 64,
      clock: { now: clock.now, sleep: (ms) => (late ? ((late = false), clock.after(0.05)) : clock.sleep(ms)) },
      send: async () => { sentAt.push(clock.now()); },
    });
    await clock.drive(loop.run());
    expect(sentAt).toHaveLength(10);
    expect(sentAt.filter((t) => t === 0.05)).toHaveLength(5); // 0.01 … 0.05 all go out at the late wake-up
  });

  it('stops planning on abort and still waits for the requests in flight', async () => {
    const clock = fakeClock();
    const stop = new AbortController();
    let finished = 0;
    const loop = new OpenLoop({
      ratePerSecond: 10, durationSeconds: 1, count: 10, concurrency: 64, clock, signal: stop.signal,
      send: async (seq) => { if (seq === 4) stop.abort(); await clock.after(0.3); finished++; },
    });
    const timing = await clock.drive(loop.run());
    expect(loop.sent).toBe(5);
    expect(finished).toBe(5);
    expect(timing.aborted).toBe(true);
    expect(timing.sendingSeconds).toBeLessThanOrEqual(0.5); // noticed at the next planned send
  });

  it('surfaces a send that rejects (a bug) after draining', async () => {
    const clock = fakeClock();
    const loop = new OpenLoop({
      ratePerSecond: 10, durationSeconds: 0.3, count: 3, concurrency: 8, clock,
      send: async (seq) => { if (seq === 1) throw new Error('boom'); },
    });
    await expect(clock.drive(loop.run())).rejects.toThrow('boom');
    expect(loop.inFlight).toBe(0);
  });
});
