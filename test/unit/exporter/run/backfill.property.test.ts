/**
 * The parallel backfill writes exactly what one thread writes: on
 * generated logs (in time order with late records, or any order; retries,
 * DLQ moves and replays, rate-limit headers, more endpoints and event types
 * than the label cap, bad and over-long lines, a last line without its
 * newline), with steps from 1 s to 1 h and cut into many small ranges on
 * two worker threads, the OpenMetrics text and the line, record and sample
 * counts are the same. The workers run the built code (dist/, built by the
 * test setup), the merge and the sampling run here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { backfillParallel } from '../../../../exporter/run/backfill-parallel.js';
import { backfillOneThread, type BackfillOptions, type BackfillResult } from '../../../../exporter/run/backfill.js';
import { ROOT } from '../../../support/tools.js';
import { ENDPOINTS, file, iso, T0, timeOrderedFile, TYPES, writeLog } from './log-arbitrary.js';

const WORKER = new URL(`file://${ROOT}dist/exporter/run/backfill-worker.js`);
const dir = mkdtempSync(join(tmpdir(), 'hw-backfill-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let run = 0;
/** A result without the threads that counted it. */
const counted = ({ threads: _, ...rest }: BackfillResult) => rest;
const options = (from: string, labelLimit: number, stepSeconds: number): BackfillOptions => ({
  from, format: { format: 'hookwatch' }, endpoints: ENDPOINTS, labelLimit, maxLineBytes: 300, stepSeconds,
});

describe('parallel backfill', () => {
  it('writes exactly what one thread writes, on generated logs cut into many ranges', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(timeOrderedFile, file), fc.integer({ min: 1, max: 8 }), fc.constantFrom(1, 10, 60, 300, 3600), fc.integer({ min: 64, max: 4096 }),
      async (log, labelLimit, step, pieceBytes) => {
        const path = join(dir, `r${run++}.log`);
        writeLog(path, log);
        const o = options(path, labelLimit, step);
        const single = await backfillOneThread(o);
        const parallel = await backfillParallel(o, { workers: 2, pieceBytes, workerUrl: WORKER });
        expect(counted(parallel)).toEqual(counted(single));
      }), { numRuns: 40 });
  }, 240_000);

  it('samples the same windows across ranges with late records, the cap overflowing and DLQ walks (a case the property must not miss)', async () => {
    // 600 records, 20 s apart with every 7th one 5 minutes late, over 13 endpoints (cap 4), DLQ replays outnumbering moves.
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({
      ts: iso(T0 + i * 20_000 - (i % 7 === 0 ? 300_000 : 0)), kind: i % 9 === 0 ? 'dlq' : i % 5 === 0 ? 'dlq_replay' : 'attempt', event_id: `e${i}`,
      event_type: TYPES[i % TYPES.length], endpoint: `ep_${(i * 31) % 13}`, status: i % 4 ? 200 : 503, outcome: 'delivered', duration_ms: i % 700,
      rate_limit: { limit: 100, remaining: i % 100 },
    }));
    const path = join(dir, 'cap.log');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const o = options(path, 4, 60);
    const single = await backfillOneThread(o);
    expect(single.text).toMatch(/endpoint="other"/);
    expect(single.text).toMatch(/webhook_dlq_depth\{endpoint="other"\} [1-9]/);
    // A sample per minute of event time: 600 × 20 s = 200 minutes.
    expect(new Set([...single.text.matchAll(/ (\d{10}(?:\.\d+)?)\n/g)].map((m) => m[1])).size).toBeGreaterThan(150);
    const parallel = await backfillParallel(o, { workers: 2, pieceBytes: 2048, workerUrl: WORKER });
    expect(parallel.threads).toBe(2);
    expect(counted(parallel)).toEqual(counted(single));
  }, 60_000);
});
