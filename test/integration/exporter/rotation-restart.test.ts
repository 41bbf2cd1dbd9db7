/**
 * Rotation while the daemon is down (issue 12, points 1 and 2): the saved
 * position (device, inode, offset, head fingerprint) is matched against
 * every candidate file at restart, so a renamed file is finished from its
 * offset, never read again from 0, and a truncated-and-renamed one is read
 * from 0, never skipped.
 */
import { mkdtempSync, renameSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopAll } from '../../support/process.js';
import { append, kill9, linesAtLeast, settledLines, start, writeConfig } from './rotation-support.js';

const root = mkdtempSync(join(tmpdir(), 'hw-rotation-restart-'));
afterAll(() => {
  stopAll();
  rmSync(root, { recursive: true, force: true });
});
const fresh = (name: string) => mkdtempSync(join(root, `${name}-`));

/**
 * The daemon reads 3,000 lines of `live` (a checkpoint holds them) and is
 * SIGKILLed; `whileDown` rotates; after a restart exactly `expected` lines
 * are counted.
 */
async function downAndRestart(name: string, pattern: string, liveName: string, whileDown: (dir: string, live: string) => void, expected: number): Promise<void> {
  const dir = fresh(name);
  const cfg = writeConfig(dir, pattern);
  const live = join(dir, liveName);
  append(live, 3000);
  const first = await start(cfg);
  expect(await linesAtLeast(first.url, 3000)).toBe(3000);
  await kill9(first);
  whileDown(dir, live);
  const second = await start(cfg);
  expect(await settledLines(second.url, live, expected)).toBe(expected);
  await kill9(second);
}

describe('rotation while the exporter is down', () => {
  it('glob: a file renamed onto another matching name is finished from its offset, not read again', () =>
    downAndRestart('glob1', './*.jsonl', 'deliveries.jsonl', (dir, live) => {
      append(live, 100);
      renameSync(live, join(dir, 'deliveries-1.jsonl'));
      append(live, 900);
    }, 4000));

  it('glob: two renames while down, every file counted once', () =>
    downAndRestart('glob2', './*.jsonl', 'deliveries.jsonl', (dir, live) => {
      append(live, 100);
      renameSync(live, join(dir, 'deliveries-1.jsonl'));
      append(live, 900);
      renameSync(join(dir, 'deliveries-1.jsonl'), join(dir, 'deliveries-2.jsonl'));
      renameSync(live, join(dir, 'deliveries-1.jsonl'));
      append(live, 500);
    }, 4500));

  it('single path: truncated, refilled and renamed while down, the refilled file is read from 0', () =>
    downAndRestart('single', './log', 'log', (_dir, live) => {
      truncateSync(live, 0);
      append(live, 3000);
      renameSync(live, `${live}.1`);
      append(live, 3000);
    }, 9000));
});
