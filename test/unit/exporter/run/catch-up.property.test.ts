/**
 * The daemon's parallel catch-up leaves exactly the state one thread's
 * polls leave: on generated logs in one to three single-file sources (late
 * and out-of-order records, DLQ walks, rate limits, the label cap
 * overflowing, bad and over-long lines), part of each counted and
 * checkpointed first (cut anywhere, so a partial line may be held), the
 * rest appended; then one runtime reads the rest by polling, the other
 * catches up on two worker threads (pieces cut small) before polling.
 * Both publish the same `/metrics` text and write the same checkpoint
 * (positions with line counts and fingerprints, admitted labels, state;
 * histogram sums equal exactly).
 * The workers run the built code (dist/, built by the test setup).
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ExporterRuntime } from '../../../../exporter/run/runtime.js';
import type { ExporterSettings } from '../../../../exporter/run/settings.js';
import { CHECKPOINT_FILE, type Checkpoint } from '../../../../exporter/state/checkpoint.js';
import { mergeExact, roundExact } from '../../../../exporter/state/exact-sum.js';
import { ROOT } from '../../../support/tools.js';
import { ENDPOINTS, file, iso, T0, timeOrderedFile, type LogFile } from './log-arbitrary.js';

const WORKER = new URL(`file://${ROOT}dist/exporter/run/range-worker.js`);
const dir = mkdtempSync(join(tmpdir(), 'hw-catch-up-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = () => 1_800_000_000;

function settings(sub: string, files: number, labelLimit: number, state: string): ExporterSettings {
  return {
    endpoints: ENDPOINTS, labelLimit, maxLineBytes: 300, stateDir: join(dir, sub, state), pollSeconds: 1, checkpointSeconds: 1, parallelCatchUpBytes: 1,
    listen: { host: '127.0.0.1', port: 0, text: '127.0.0.1:0' },
    sources: Array.from({ length: files }, (_, i) => ({ type: 'file', name: `s${i}`, path: join(dir, sub, `s${i}.log`), written: `s${i}.log`, format: 'hookwatch' })),
  } as ExporterSettings;
}

async function drain(rt: ExporterRuntime): Promise<void> {
  while (await rt.pollFiles()) { /* to the end */ }
}

/**
 * The two checkpoints are the same. A histogram's exact sum is kept as
 * partials, whose form depends on the grouping while their exact value
 * does not: the partials must add to the same exact number (their exact
 * difference is 0), the rest must be equal as written.
 */
function expectSameCheckpoint(sub: string): void {
  const [a, b] = ['two', 'one'].map((s) => JSON.parse(readFileSync(join(dir, sub, s, CHECKPOINT_FILE), 'utf8')) as Checkpoint);
  const exact = (cp: Checkpoint) => Object.values(cp.state.histograms).flatMap((rows) => rows.map((r) => (r.splice(4, 1)[0] as number[] | undefined) ?? [r[2]]));
  const [pa, pb] = [exact(a as Checkpoint), exact(b as Checkpoint)];
  expect(pa.length).toBe(pb.length);
  pa.forEach((parts, i) => {
    const diff = [...parts];
    mergeExact(diff, (pb[i] ?? []).map((x) => -x));
    expect(roundExact(diff)).toBe(0);
  });
  expect(a).toEqual(b);
}

/**
 * From the state folder `one` (and its copy `two`), one runtime polls to
 * the end, the other catches up on two workers first; both checkpoint.
 * Expects the same `/metrics` and checkpoint; returns them and whether
 * the catch-up ran.
 */
async function oneVersusTwo(sub: string, settingsIn: (state: string) => ExporterSettings, pieceBytes?: number): Promise<{ snapshot: string; caughtUp: boolean }> {
  const one = await ExporterRuntime.open(settingsIn('one'), { version: 't', now });
  await drain(one);
  await one.close();
  const two = await ExporterRuntime.open(settingsIn('two'), { version: 't', now });
  const caughtUp = await two.catchUp({ workers: 2, workerUrl: WORKER, ...(pieceBytes ? { pieceBytes } : {}) });
  await drain(two);
  await two.close();
  expect(two.snapshot).toBe(one.snapshot);
  expectSameCheckpoint(sub);
  return { snapshot: one.snapshot, caughtUp };
}

const text = (f: LogFile) => f.lines.join('\n') + (f.newlineAtEnd && f.lines.length ? '\n' : '');

let run = 0;
let caughtUp = 0;

describe('parallel catch-up', () => {
  it('leaves the state, the checkpoint and /metrics one thread leaves', async () => {
    const log = fc.record({ f: fc.oneof(timeOrderedFile, file), cut: fc.double({ min: 0, max: 1, noNaN: true }) });
    await fc.assert(fc.asyncProperty(fc.array(log, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 64, max: 4096 }),
      async (logs, labelLimit, pieceBytes) => {
        const sub = `r${run++}`;
        mkdirSync(join(dir, sub), { recursive: true });
        const texts = logs.map((l) => text(l.f));
        // Counted and checkpointed before: a prefix of each file, cut at any byte.
        texts.forEach((t, i) => writeFileSync(join(dir, sub, `s${i}.log`), t.slice(0, Math.floor(t.length * (logs[i]?.cut ?? 0)))));
        const before = await ExporterRuntime.open(settings(sub, logs.length, labelLimit, 'state'), { version: 't', now });
        await drain(before);
        await before.close();
        texts.forEach((t, i) => appendFileSync(join(dir, sub, `s${i}.log`), t.slice(Math.floor(t.length * (logs[i]?.cut ?? 0)))));
        cpSync(join(dir, sub, 'state'), join(dir, sub, 'one'), { recursive: true });
        cpSync(join(dir, sub, 'state'), join(dir, sub, 'two'), { recursive: true });

        if ((await oneVersusTwo(sub, (state) => settings(sub, logs.length, labelLimit, state), pieceBytes)).caughtUp) caughtUp++;
      }), { numRuns: 30 });
    // Not a vacuous pass: most runs had a backlog to catch up.
    expect(caughtUp).toBeGreaterThan(15);
  }, 240_000);

  it('takes the sources in the turns polls take when a backlog is larger than one read turn (the order decides the cap)', async () => {
    // Two sources of ~10 MiB, so each is read in two BUDGET turns (8 MiB, then
    // the rest): each names two endpoints in its first turn and two new ones
    // after line 26,000 (past 8 MiB). With a cap of 3, the turns admit s0's
    // and one of s1's first two, where reading s0 to its end first would
    // admit s0's later ones; DLQ replays outnumber moves, so the clamped
    // depth of `other` depends on the order too.
    const sub = 'turns';
    mkdirSync(join(dir, sub), { recursive: true });
    for (let f = 0; f < 2; f++) {
      const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({
        ts: iso(T0 + i * 37 + f), kind: i % 5 === 1 ? 'dlq' : i % 3 === 2 ? 'dlq_replay' : 'attempt', event_id: `e${i}`,
        event_type: `t${i % 3}`, endpoint: `ep-${f}-${i < 26_000 ? 'early' : 'late'}-${i % 2}`, status: 200, duration_ms: (i * 7) % 900,
        outcome: 'delivered', rate_limit: { limit: 100, remaining: i % 100 }, pad: 'x'.repeat(200 + (i % 90)),
      }));
      writeFileSync(join(dir, sub, `s${f}.log`), `${lines.join('\n')}\n`);
    }
    const r = await oneVersusTwo(sub, (state) => ({ ...settings(sub, 2, 3, state), maxLineBytes: 100_000 }));
    expect(r.caughtUp).toBe(true);
    expect(r.snapshot).toMatch(/endpoint="other"/);
    expect(r.snapshot).toMatch(/endpoint="ep-1-early-0"/);
  }, 120_000);
});
