/**
 * Live copytruncate (issue 12, point 3): the log is copied and truncated
 * and refilled past the old offset before the next poll. The truncation is
 * detected before reading past the saved offset (by size or by the head
 * fingerprint, whichever the poll sees first), so the new content is read
 * once from 0: no line counted twice, no half line parsed as invalid JSON.
 */
import { copyFileSync, mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopAll } from '../../support/process.js';
import { append, counter, kill9, linesAtLeast, settledLines, start, writeConfig } from './rotation-support.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-rotation-live-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

const ROUNDS = 3;

describe('live copytruncate', () => {
  it(`${ROUNDS} rounds of copy, truncate and refill before the next poll: every line counted once`, async () => {
    // A slow poll, so the copy, the truncate and the refill all land between two polls.
    const cfg = writeConfig(dir, './log', '1s');
    const live = join(dir, 'log');
    const r = await start(cfg);
    let written = 0;
    for (let i = 0; i < ROUNDS; i++) {
      append(live, 50);
      written += 50;
      await linesAtLeast(r.url, written);
      copyFileSync(live, `${live}.${i + 1}`);
      truncateSync(live, 0);
      append(live, 400);
      written += 400;
      expect(await settledLines(r.url, live, written)).toBe(written);
      written += 1;
    }
    expect(await counter(r.url, 'invalid_json')).toBe(0);
    expect(await counter(r.url, 'truncations')).toBe(ROUNDS);
    await kill9(r);
  }, 60_000);
});
