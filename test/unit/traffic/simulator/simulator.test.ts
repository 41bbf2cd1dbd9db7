/**
 * Simulator retry timing with an injected clock: exact schedule, jitter
 * bounds, Retry-After honoured, exhausted events dead-lettered, and every
 * attempt logged in the delivery-log format.
 */
import { describe, expect, it } from 'vitest';
import type { RequestOutcome } from '../../../../http/index.js';
import { MemoryLogWriter } from '../../../../receiver/index.js';
import { nextDelaySeconds } from '../../../../traffic/simulator/retry-schedule.js';
import { Simulator, type SimClock } from '../../../../traffic/simulator/simulator.js';
import { configFromYaml } from '../../../support/config.js';

class FakeClock implements SimClock {
  t = 1_800_000_000;
  timers: { at: number; fn: () => void }[] = [];
  now() { return this.t; }
  setTimeout(fn: () => void, ms: number) { const h = { at: this.t + ms / 1000, fn }; this.timers.push(h); return h; }
  clearTimeout(h: unknown) { this.timers = this.timers.filter((x) => x !== h); }
  random() { return 0.5; } // jitter factor exactly 1
  async advance(seconds: number) {
    const end = this.t + seconds;
    for (;;) {
      await flush();
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.fn();
    }
    this.t = end;
    await flush();
  }
}
const flush = async () => { for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r)); };

const response = (status: number, headers: Record<string, string> = {}): RequestOutcome => ({ response: { status, headers, body: '', truncated: false }, durationSeconds: 0.05, phases: {} });
const refused: RequestOutcome = { failure: { result: 'connect_error', detail: 'ECONNREFUSED' }, durationSeconds: 0.001, phases: {} };

function sim(script: RequestOutcome[], schedule = '[0s, 1s, 5s, 30s]') {
  const config = configFromYaml(`endpoints:
  - name: ep
    url: http://127.0.0.1:9/webhook
    events: [payment.received]
    signing: { scheme: stripe, secret: whsec_x }
simulator:
  rate_per_second: 1
  retry: { schedule: ${schedule}, jitter: 0.2 }
  log: { path: /dev/null }
`);
  const clock = new FakeClock();
  const writer = new MemoryLogWriter();
  const sent: Record<string, string>[] = [];
  const s = new Simulator(config.simulator!, { writer, clock, send: async (_e, headers) => { sent.push(headers); return script.shift() ?? response(202); } });
  return { s, clock, writer, sent };
}

describe('simulator', () => {
  it('retries on the schedule, re-signing each attempt, until delivered', async () => {
    const { s, clock, writer, sent } = sim([response(503), refused, response(202)]);
    s.createEvent();
    await clock.advance(0);
    await clock.advance(0.999);
    expect(writer.records).toHaveLength(1);
    await clock.advance(0.001);
    expect(writer.records).toHaveLength(2);
    await clock.advance(5);
    const r = writer.records;
    expect(r.map((x) => [x.attempt, x.status, x.outcome])).toEqual([[1, 503, 'retrying'], [2, null, 'retrying'], [3, 202, 'delivered']]);
    expect(r[1]!.error).toBe('connection: ECONNREFUSED');
    expect(new Set(r.map((x) => x.event_id)).size).toBe(1);
    expect(r[0]!.next_retry_at).toBe(new Date((1_800_000_000 + 1) * 1000).toISOString());
    // Each attempt is signed anew (fresh timestamp).
    const sig = (h: Record<string, string>) => Object.entries(h).find(([k]) => k.toLowerCase() === 'stripe-signature')?.[1];
    expect(sig(sent[0]!)).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(sig(sent[2]!)).toMatch(/^t=1800000006,v1=[0-9a-f]{64}$/);
    expect(r[2]).toMatchObject({ kind: 'attempt', endpoint: 'ep', event_type: 'payment.received', url: 'http://127.0.0.1:9/webhook' });
    expect(s.stats).toMatchObject({ created: 1, attempts: 3, delivered: 1, deadLettered: 0 });
  });

  it('honours Retry-After when it is longer than the schedule', async () => {
    const { s, clock, writer } = sim([response(429, { 'retry-after': '20', 'ratelimit-limit': '10', 'ratelimit-remaining': '0' })]);
    s.createEvent();
    await clock.advance(19);
    expect(writer.records).toHaveLength(1);
    expect(writer.records[0]!.rate_limit).toEqual({ limit: 10, remaining: 0, reset_seconds: 20 });
    await clock.advance(1.1);
    expect(writer.records).toHaveLength(2);
  });

  it('dead-letters an event after the last attempt and logs a dlq record', async () => {
    const { s, clock, writer } = sim([response(500), response(500), response(500)], '[0s, 1s, 1s]');
    s.createEvent();
    await clock.advance(10);
    expect(writer.records.map((x) => [x.kind, x.outcome ?? null])).toEqual([['attempt', 'retrying'], ['attempt', 'retrying'], ['attempt', 'dead_lettered'], ['dlq', null]]);
    expect(s.deadLetters).toHaveLength(1);
    expect(s.stats.deadLettered).toBe(1);
  });

  it('stop() cancels scheduled retries', async () => {
    const { s, clock, writer } = sim([response(503)]);
    s.createEvent();
    await clock.advance(0);
    await s.stop();
    await clock.advance(100);
    expect(writer.records).toHaveLength(1);
  });
});

describe('retry schedule', () => {
  it('jitters within ± the fraction and stops after the last delay', () => {
    expect(nextDelaySeconds([0, 10], 1, 0.2, () => 0)).toBeCloseTo(8);
    expect(nextDelaySeconds([0, 10], 1, 0.2, () => 0.999999)).toBeCloseTo(12);
    expect(nextDelaySeconds([0, 10], 2, 0.2, () => 0.5)).toBeNull();
    expect(nextDelaySeconds([0, 10], 1, 0.2, () => 0.5, 30)).toBe(30);
  });
});
