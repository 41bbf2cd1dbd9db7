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
import { runOnce } from '../../../../exporter/run/once.js';
import { runOnceParallel } from '../../../../exporter/run/parallel.js';
import type { ExporterSettings } from '../../../../exporter/run/settings.js';
import { ROOT } from '../../../support/tools.js';
import { ENDPOINTS, file, iso, T0, TYPES, writeLog, type LogFile } from './log-arbitrary.js';

const WORKER = new URL(`file://${ROOT}dist/exporter/run/range-worker.js`);
const dir = mkdtempSync(join(tmpdir(), 'hw-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let run = 0;
const write = (name: string, f: LogFile) => writeLog(join(dir, name), f);

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
