/**
 * The parallel `--once` equals the single-threaded one exactly: on
 * generated logs (retries, DLQ moves and replays, rate-limit headers, more
 * endpoints and event types than the label cap, timestamps out of order,
 * bad and over-long lines, a last line without its newline, a glob of
 * several files next to a single path), cut into many small ranges counted
 * by the main thread and 0–2 workers, the exposition text is the same
 * string, byte for byte. The workers run the built code (dist/, built by
 * the test setup), the main thread's counting and the merge run here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESSED_STATUSES } from '../../../../catalog/index.js';
import { runOnce } from '../../../../exporter/run/once.js';
import { runOnceParallel } from '../../../../exporter/run/parallel.js';
import type { ExporterSettings } from '../../../../exporter/run/settings.js';
import { ROOT } from '../../../support/tools.js';

const WORKER = new URL(`file://${ROOT}dist/exporter/run/range-worker.js`);
const dir = mkdtempSync(join(tmpdir(), 'hw-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENDPOINTS = [{ name: 'alpha', url: 'https://alpha.example/hook' }, { name: 'beta', url: 'http://beta.example:8080/in/' }];
// Configured names and URLs, unknown URLs and ids (more than the cap), and a raw value that is literally `other`.
const TARGETS = [
  { endpoint: 'alpha' }, { url: 'https://alpha.example/hook?sig=1' }, { endpoint: 'beta', url: 'http://beta.example:8080/in' },
  ...Array.from({ length: 6 }, (_, i) => ({ url: `https://u${i}.example.org/wh` })), ...Array.from({ length: 6 }, (_, i) => ({ endpoint: `ep_${i}` })),
  { endpoint: 'other' },
];
const TYPES = ['a.created', 'b.updated', 'c.deleted', 'd.x', 'e.y', 'f.z'];
const ERRORS = ['timeout of 10000ms exceeded', 'connect ECONNREFUSED 10.0.0.1:443', 'getaddrinfo ENOTFOUND x.example', 'certificate has expired', 'boom'];
const BAD = ['not json', '[1,2]', '{}', '{"ts":"yesterday","event_id":"e","event_type":"t","endpoint":"alpha"}', '', '{"event_id":"e"', `{"pad":"${'x'.repeat(400)}"}`];
const T0 = Date.UTC(2026, 10, 20);

const iso = (ms: number) => new Date(ms).toISOString();
const record = fc.record({
  kind: fc.constantFrom('attempt', 'attempt', 'attempt', 'dlq', 'dlq_replay', 'processed'),
  target: fc.constantFrom(...TARGETS),
  type: fc.constantFrom(...TYPES),
  // Out of order: any second in a two-hour window, some as Unix numbers.
  at: fc.integer({ min: 0, max: 7_200_000 }),
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
}).map((r) => {
  const ts = T0 + r.at;
  return JSON.stringify({
    ts: r.numericTs ? ts / 1000 : iso(ts), kind: r.kind, event_id: `e${r.at % 97}`, event_type: r.type, ...r.target,
    ...(r.kind === 'processed' ? { status: r.processed, processing_ms: r.duration ?? undefined } : {
      attempt: r.attempt ?? undefined, status: r.status, error: r.error, duration_ms: r.duration ?? undefined,
      created_at: r.age === null ? undefined : iso(ts - r.age), queued_at: r.queued === null ? undefined : iso(ts - r.queued),
      outcome: r.outcome ?? undefined, rate_limit: r.rate ?? undefined,
    }),
  });
});
const line = fc.oneof({ arbitrary: record, weight: 12 }, { arbitrary: fc.constantFrom(...BAD), weight: 1 });
const file = fc.record({ lines: fc.array(line, { maxLength: 150, size: 'max' }), newlineAtEnd: fc.boolean() });

let run = 0;
function write(name: string, f: { lines: string[]; newlineAtEnd: boolean }): void {
  writeFileSync(join(dir, name), f.lines.join('\n') + (f.newlineAtEnd && f.lines.length ? '\n' : ''));
}

function settings(sub: string, labelLimit: number): ExporterSettings {
  return {
    endpoints: ENDPOINTS, labelLimit, maxLineBytes: 300, stateDir: join(dir, 'state'), pollSeconds: 1, checkpointSeconds: 1,
    listen: { host: '127.0.0.1', port: 0, text: '127.0.0.1:0' },
    sources: [
      { type: 'file', name: 'single', path: join(dir, sub, 'one.log'), written: 'one.log', format: 'hookwatch' },
      { type: 'file', name: 'glob', path: join(dir, sub, 'g-*.jsonl'), written: 'g-*.jsonl', format: 'hookwatch' },
    ],
  } as ExporterSettings;
}

describe('parallel export --once', () => {
  it('prints exactly what one thread prints, on generated logs cut into many ranges (the main thread counting alone or beside 1–2 workers)', async () => {
    await fc.assert(fc.asyncProperty(file, fc.array(file, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 64, max: 4096 }), fc.integer({ min: 0, max: 2 }),
      async (one, globbed, labelLimit, pieceBytes, workers) => {
        const sub = `r${run++}`;
        rmSync(join(dir, sub), { recursive: true, force: true });
        (await import('node:fs')).mkdirSync(join(dir, sub));
        write(`${sub}/one.log`, one);
        globbed.forEach((f, i) => write(`${sub}/g-${i}.jsonl`, f));
        const s = settings(sub, labelLimit);
        const single = await runOnce(s, { version: 'test' });
        const parallel = await runOnceParallel(s, { version: 'test', workers, pieceBytes, workerUrl: WORKER });
        expect(parallel).toBe(single);
      }), { numRuns: 30 });
  }, 240_000);

  it('overflows the label cap in the same first-come order across ranges (a case the property must not miss)', async () => {
    const sub = 'cap';
    (await import('node:fs')).mkdirSync(join(dir, sub), { recursive: true });
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({
      ts: iso(T0 + ((i * 7919) % 400) * 1000), kind: i % 9 === 0 ? 'dlq' : i % 11 === 0 ? 'dlq_replay' : 'attempt', event_id: `e${i}`,
      event_type: TYPES[i % TYPES.length], endpoint: `ep_${(i * 31) % 13}`, status: 200, outcome: 'delivered', rate_limit: { limit: 100, remaining: i % 100 },
    }));
    writeFileSync(join(dir, sub, 'one.log'), `${lines.join('\n')}\n`);
    const s = settings(sub, 4);
    const single = await runOnce(s, { version: 'test' });
    expect(single).toMatch(/endpoint="other"/);
    expect(single).toMatch(/hookwatch_exporter_label_overflow_total\{label="endpoint"\} [1-9]/);
    expect(await runOnceParallel(s, { version: 'test', workers: 2, pieceBytes: 512, workerUrl: WORKER })).toBe(single);
  }, 60_000);

  it('reads a glob of files larger than one read turn in the same turns as a FileTail (the order decides the cap)', async () => {
    // Three files of ~10 MiB, so each is read in two BUDGET turns (8 MiB, then
    // the rest). Each file names two endpoints in its first turn and two new
    // ones after line 26,000 (past 8 MiB); with a cap of 5, the turns admit
    // f0's, f1's and one of f2's first two, while reading the files one after
    // the other would admit f0's later ones. DLQ replays outnumber moves, so
    // the clamped depth of `other` depends on the order too.
    const sub = 'turns';
    (await import('node:fs')).mkdirSync(join(dir, sub), { recursive: true });
    for (let f = 0; f < 3; f++) {
      const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({
        ts: iso(T0 + i * 37 + f), kind: i % 5 === 1 ? 'dlq' : i % 3 === 2 ? 'dlq_replay' : 'attempt', event_id: `e${i}`,
        event_type: `t${i % 8}`, endpoint: `ep-${f}-${i < 26_000 ? 'early' : 'late'}-${i % 2}`, status: 200, duration_ms: (i * 7) % 900,
        outcome: 'delivered', rate_limit: { limit: 100, remaining: i % 100 }, pad: 'x'.repeat(200 + (i % 90)),
      }));
      writeFileSync(join(dir, sub, `g-${f}.jsonl`), lines.join('\n') + (f === 1 ? '' : '\n'));
    }
    const s = { ...settings(sub, 5), maxLineBytes: 100_000 };
    const glob = { ...s, sources: s.sources.filter((x) => x.name === 'glob') };
    const single = await runOnce(glob, { version: 'test' });
    expect(single).toMatch(/endpoint="other"/);
    expect(await runOnceParallel(glob, { version: 'test', workers: 2, workerUrl: WORKER })).toBe(single);
  }, 180_000);
});
