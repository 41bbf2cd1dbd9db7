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

describe('rotation while the exporter is down', () => {
  it('glob: a file renamed onto another matching name is finished from its offset, not read again', async () => {
    const dir = fresh('glob1');
    const cfg = writeConfig(dir, './*.jsonl');
    const live = join(dir, 'deliveries.jsonl');
    append(live, 3000);
    const first = await start(cfg);
    await linesAtLeast(first.url, 3000);
    await kill9(first);

    append(live, 100);
    renameSync(live, join(dir, 'deliveries-1.jsonl'));
    append(live, 900);
    const second = await start(cfg);
    expect(await settledLines(second.url, live, 4000)).toBe(4000);
    await kill9(second);
  });

  it('glob: two renames while down, every file counted once', async () => {
    const dir = fresh('glob2');
    const cfg = writeConfig(dir, './*.jsonl');
    const live = join(dir, 'deliveries.jsonl');
    append(live, 3000);
    const first = await start(cfg);
    await linesAtLeast(first.url, 3000);
    await kill9(first);

    append(live, 100);
    renameSync(live, join(dir, 'deliveries-1.jsonl'));
    append(live, 900);
    renameSync(join(dir, 'deliveries-1.jsonl'), join(dir, 'deliveries-2.jsonl'));
    renameSync(live, join(dir, 'deliveries-1.jsonl'));
    append(live, 500);
    const second = await start(cfg);
    expect(await settledLines(second.url, live, 4500)).toBe(4500);
    await kill9(second);
  });

  it('single path: truncated, refilled and renamed while down, the refilled file is read from 0', async () => {
    const dir = fresh('single');
    const cfg = writeConfig(dir, './log');
    const live = join(dir, 'log');
    append(live, 3000);
    const first = await start(cfg);
    await linesAtLeast(first.url, 3000);
    await kill9(first);

    truncateSync(live, 0);
    append(live, 3000);
    renameSync(live, `${live}.1`);
    append(live, 3000);
    const second = await start(cfg);
    expect(await settledLines(second.url, live, 9000)).toBe(9000);
    await kill9(second);
  });
});
