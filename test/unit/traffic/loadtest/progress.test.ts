import { describe, expect, it } from 'vitest';
import { renderBar, renderLine, startProgress, type ProgressSnapshot } from '../../../../traffic/loadtest/progress.js';

const half: ProgressSnapshot = { elapsedSeconds: 5, durationSeconds: 10, planned: 1000, sent: 480, dropped: 20, inFlight: 3, failed: 7 };

function fakeTimers() {
  const intervals: { ms: number; fn: () => void; cancelled: boolean }[] = [];
  return {
    intervals,
    every: (ms: number, fn: () => void) => {
      const i = { ms, fn, cancelled: false };
      intervals.push(i);
      return () => (i.cancelled = true);
    },
    tick: () => intervals.filter((i) => !i.cancelled).forEach((i) => i.fn()),
  };
}

describe('renderBar', () => {
  it('fills by planned sends done (sent + dropped) and fits the width', () => {
    const bar = renderBar(half, 100);
    const m = /^\[(#+)(\.+)\]  50%  sent 480\/1000  in-flight 3  dropped 20  failed 7  5\.0s\/10s$/.exec(bar);
    expect(m, bar).not.toBeNull();
    expect(m![1]!.length).toBe(m![2]!.length);
    expect(bar.length).toBeLessThanOrEqual(100);
    expect(renderBar(half, 40).length).toBeLessThanOrEqual(40);
    expect(renderBar({ ...half, sent: 1000, dropped: 0 }, 100)).toMatch(/^\[#+\] 100%/);
  });
});

describe('startProgress', () => {
  it('redraws a bar in place on a terminal and ends the line on stop', () => {
    const out: string[] = [];
    const timers = fakeTimers();
    const p = startProgress({ stream: { isTTY: true, columns: 100, write: (s: string) => out.push(s) }, snapshot: () => half, every: timers.every });
    expect(timers.intervals[0]!.ms).toBe(100);
    timers.tick();
    timers.tick();
    p.stop();
    p.stop();
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3).every((s) => s.startsWith('\r[') && !s.includes('\n'))).toBe(true);
    expect(out[3]).toBe('\n');
    expect(timers.intervals[0]!.cancelled).toBe(true);
  });

  it('writes one plain line every few seconds when stderr is not a terminal', () => {
    const out: string[] = [];
    const timers = fakeTimers();
    const p = startProgress({ stream: { write: (s: string) => out.push(s) }, snapshot: () => half, every: timers.every });
    expect(timers.intervals[0]!.ms).toBe(5000);
    timers.tick();
    p.stop();
    expect(out).toEqual([`${renderLine(half)}\n`, `${renderLine(half)}\n`]);
    expect(out.join('')).not.toMatch(/\r|\x1b/);
  });
});

describe('startProgress width', () => {
  it('falls back to 80 columns when the terminal reports none', () => {
    const out: string[] = [];
    const p = startProgress({ stream: { isTTY: true, columns: 0, write: (s: string) => out.push(s) }, snapshot: () => half, every: () => () => undefined });
    p.stop();
    expect(out[0]).toContain('sent 480/1000');
    expect(out[0]!.replace(/^\r|\x1b\[K$/g, '').length).toBeLessThanOrEqual(79);
  });
});
