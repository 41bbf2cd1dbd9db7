/**
 * Generated delivery logs for the parallel-equals-one-thread property tests
 * (fast-check): retries, DLQ moves and replays, rate-limit headers, more
 * endpoints and event types than a small label cap, bad and over-long
 * lines (with maxLineBytes 300), ISO and Unix-number timestamps.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { PROCESSED_STATUSES } from '../../../../catalog/index.js';

export const ENDPOINTS = [{ name: 'alpha', url: 'https://alpha.example/hook' }, { name: 'beta', url: 'http://beta.example:8080/in/' }];
// Configured names and URLs, unknown URLs and ids (more than the cap), and a raw value that is literally `other`.
const TARGETS = [
  { endpoint: 'alpha' }, { url: 'https://alpha.example/hook?sig=1' }, { endpoint: 'beta', url: 'http://beta.example:8080/in' },
  ...Array.from({ length: 6 }, (_, i) => ({ url: `https://u${i}.example.org/wh` })), ...Array.from({ length: 6 }, (_, i) => ({ endpoint: `ep_${i}` })),
  { endpoint: 'other' },
];
export const TYPES = ['a.created', 'b.updated', 'c.deleted', 'd.x', 'e.y', 'f.z'];
const ERRORS = ['timeout of 10000ms exceeded', 'connect ECONNREFUSED 10.0.0.1:443', 'getaddrinfo ENOTFOUND x.example', 'certificate has expired', 'boom'];
const BAD = ['not json', '[1,2]', '{}', '{"ts":"yesterday","event_id":"e","event_type":"t","endpoint":"alpha"}', '', '{"event_id":"e"', `{"pad":"${'x'.repeat(400)}"}`];
export const T0 = Date.UTC(2026, 10, 20);

export const iso = (ms: number) => new Date(ms).toISOString();

/** One record line, given its time: `T0 + at` ms. */
const recordMaker: fc.Arbitrary<(at: number) => string> = fc.record({
    kind: fc.constantFrom('attempt', 'attempt', 'attempt', 'dlq', 'dlq_replay', 'processed'),
    target: fc.constantFrom(...TARGETS),
    type: fc.constantFrom(...TYPES),
    numericTs: fc.boolean(),
    attempt: fc.option(fc.integer({ min: 1, max: 11 })),
    status: fc.option(fc.constantFrom(200, 201, 204, 301, 400, 404, 429, 500, 502, 503)),
    error: fc.option(fc.constantFrom(...ERRORS)),
    duration: fc.option(fc.double({ min: 0, max: 30_000, noNaN: true })),
    age: fc.option(fc.integer({ min: 0, max: 120_000 })),
    queued: fc.option(fc.integer({ min: 0, max: 60_000 })),
    outcome: fc.option(fc.constantFrom('delivered', 'retrying', 'failed', 'dead_lettered')),
    rate: fc.option(fc.record({ limit: fc.integer({ min: 1, max: 1000 }), remaining: fc.integer({ min: 0, max: 1000 }) })),
    processed: fc.constantFrom(...PROCESSED_STATUSES),
}).map((r) => (at: number) => {
  const ts = T0 + at;
  return JSON.stringify({
    ts: r.numericTs ? ts / 1000 : iso(ts), kind: r.kind, event_id: `e${at % 97}`, event_type: r.type, ...r.target,
    ...(r.kind === 'processed' ? { status: r.processed, processing_ms: r.duration ?? undefined } : {
      attempt: r.attempt ?? undefined, status: r.status, error: r.error, duration_ms: r.duration ?? undefined,
      created_at: r.age === null ? undefined : iso(ts - r.age), queued_at: r.queued === null ? undefined : iso(ts - r.queued),
      outcome: r.outcome ?? undefined, rate_limit: r.rate ?? undefined,
    }),
  });
});

const bad = fc.constantFrom(...BAD);

/** A line: mostly records (out of order: any second in a two-hour window, some as Unix numbers), some bad lines. */
export const line = fc.oneof({ arbitrary: fc.tuple(recordMaker, fc.integer({ min: 0, max: 7_200_000 })).map(([make, at]) => make(at)), weight: 12 }, { arbitrary: bad, weight: 1 });

export interface LogFile {
  readonly lines: string[];
  readonly newlineAtEnd: boolean;
}

export const file: fc.Arbitrary<LogFile> = fc.record({ lines: fc.array(line, { maxLength: 150, size: 'max' }), newlineAtEnd: fc.boolean() });

/**
 * A log in time order, as a live system writes it: a clock that moves on
 * by 0–90 s per line, with about one record in six late (up to 10 minutes
 * behind the clock) and some bad lines.
 */
export const timeOrderedFile: fc.Arbitrary<LogFile> = fc.record({
  steps: fc.array(fc.record({
    make: recordMaker, gap: fc.integer({ min: 0, max: 90_000 }),
    late: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.integer({ min: 1, max: 600_000 }), weight: 1 }),
    bad: fc.oneof({ arbitrary: fc.constant(null), weight: 12 }, { arbitrary: bad, weight: 1 }),
  }), { maxLength: 200, size: 'max' }),
  newlineAtEnd: fc.boolean(),
}).map(({ steps, newlineAtEnd }) => {
  let clock = 0;
  const lines = steps.map((s) => {
    clock += s.gap;
    return s.bad ?? s.make(Math.max(0, clock - s.late));
  });
  return { lines, newlineAtEnd };
});

export function writeLog(path: string, f: LogFile): void {
  writeFileSync(path, f.lines.join('\n') + (f.newlineAtEnd && f.lines.length ? '\n' : ''));
}
