import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTail } from '../../../../exporter/sources/file-tail.js';
import type { SourcePosition } from '../../../../exporter/state/checkpoint.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-tail-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tail(path: string, resume?: SourcePosition, max = 1000) {
  const lines: string[] = [];
  const events = { rotated: 0, truncated: 0, tooLong: 0 };
  const t = new FileTail(path, { line: (s) => lines.push(s), tooLong: () => events.tooLong++ }, max,
    { rotated: () => events.rotated++, truncated: () => events.truncated++ }, resume);
  const drain = async () => { while (await t.poll()) { /* budget */ } };
  return { t, lines, events, drain };
}

describe('FileTail', () => {
  it('waits for a missing file, then reads it from the start', async () => {
    const p = join(dir, 'log');
    const { t, lines, drain } = tail(p);
    await drain();
    expect(t.position()).toBeNull();
    writeFileSync(p, 'a\nb\n');
    await drain();
    expect(lines).toEqual(['a', 'b']);
    expect(t.position()?.offset).toBe(4);
    await t.close();
  });

  it('holds a partial last line (offset stays before it) until its newline', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'a\npart');
    const { t, lines, drain } = tail(p);
    await drain();
    expect(lines).toEqual(['a']);
    expect(t.position()?.offset).toBe(2);
    appendFileSync(p, 'ial\n');
    await drain();
    expect(lines).toEqual(['a', 'partial']);
    expect(t.position()?.offset).toBe(10);
    await t.close();
  });

  it('rename-and-create: drains what was written to the old file after the rename, then reads the new one', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'old1\n');
    const { t, lines, events, drain } = tail(p);
    await drain();
    renameSync(p, `${p}.1`);
    appendFileSync(`${p}.1`, 'old2\nold3\n'); // the writer has not reopened yet
    writeFileSync(p, 'new1\n');
    await drain();
    await drain();
    expect(lines).toEqual(['old1', 'old2', 'old3', 'new1']);
    expect(events.rotated).toBe(1);
    expect(t.position()?.offset).toBe(5);
    await t.close();
  });

  it('copytruncate: detects the shrink, counts it and reads the file again from 0', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'one\ntwo\nthree\n');
    const { t, lines, events, drain } = tail(p);
    await drain();
    truncateSync(p, 0);
    appendFileSync(p, 'four\n');
    await drain();
    await drain();
    expect(lines).toEqual(['one', 'two', 'three', 'four']);
    expect(events.truncated).toBe(1);
    await t.close();
  });

  it('skips lines over the limit and keeps counting after them', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, `a\n${'x'.repeat(5000)}\nb\n`);
    const { t, lines, events, drain } = tail(p, undefined, 100);
    await drain();
    expect(lines).toEqual(['a', 'b']);
    expect(events.tooLong).toBe(1);
    expect(t.position()?.offset).toBe(2 + 5001 + 2);
    await t.close();
  });

  it('resumes at a saved position on the same file', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'a\nb\n');
    const first = tail(p);
    await first.drain();
    const pos = first.t.position() as SourcePosition;
    await first.t.close();
    appendFileSync(p, 'c\n');
    const second = tail(p, pos);
    await second.drain();
    expect(second.lines).toEqual(['c']);
    await second.t.close();
  });

  it('after a restart, finds a file renamed while it was down, drains it, then reads the new file', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'a\n');
    const first = tail(p);
    await first.drain();
    const pos = first.t.position() as SourcePosition;
    await first.t.close();
    // While down: more lines, rotation, lines in the new file.
    appendFileSync(p, 'b\n');
    renameSync(p, `${p}.1`);
    writeFileSync(p, 'c\n');
    const second = tail(p, pos);
    await second.drain();
    await second.drain();
    expect(second.lines).toEqual(['b', 'c']);
    expect(second.events.rotated).toBe(1);
    await second.t.close();
  });

  it('reads from 0 when the file at the path is not the saved one (deleted and recreated)', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'first file line\n');
    const first = tail(p);
    await first.drain();
    const pos = first.t.position() as SourcePosition;
    await first.t.close();
    rmSync(p);
    const fd = openSync(p, 'w');
    writeSync(fd, 'other content entirely\n');
    closeSync(fd);
    const second = tail(p, pos);
    await second.drain();
    expect(second.lines).toEqual(['other content entirely']);
    await second.t.close();
  });

  it('never reports a position whose fingerprint belongs to another file, even mid-open (checkpoints sample it any time)', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'first line of a file\n');
    const first = tail(p);
    await first.drain();
    const pos = first.t.position() as SourcePosition;
    await first.t.close();
    renameSync(p, `${p}.1`);
    writeFileSync(p, 'a different file\n');
    const second = tail(p, pos);
    const seen: SourcePosition[] = [];
    let done = false;
    const sampler = (async () => {
      while (!done) {
        const now = second.t.position();
        if (now) seen.push(now);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await second.drain();
    await second.drain();
    done = true;
    await sampler;
    expect(seen.length).toBeGreaterThan(3);
    const files = [p, `${p}.1`].map((f) => ({ ino: statSync(f).ino, bytes: readFileSync(f) }));
    for (const s of seen) {
      const file = files.find((f) => f.ino === s.ino);
      expect(file, `inode ${s.ino}`).toBeDefined();
      const fp = createHash('sha1').update((file as { bytes: Buffer }).bytes.subarray(0, s.fpLen)).digest('hex');
      expect(s.fp, `position ${JSON.stringify(s)}`).toBe(fp);
    }
    await second.t.close();
  });
});
