import { appendFileSync, copyFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTail } from '../../../../exporter/sources/file-tail.js';
import { rotatedName } from '../../../../exporter/sources/identity.js';
import type { SourcePosition } from '../../../../exporter/state/checkpoint.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-rot-tail-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tail(path: string, resume?: SourcePosition) {
  const lines: string[] = [];
  const events = { rotated: 0, truncated: 0 };
  const t = new FileTail(path, { line: (s) => lines.push(s), tooLong: () => undefined }, 1000,
    { rotated: () => events.rotated++, truncated: () => events.truncated++ }, resume);
  const drain = async () => { for (let i = 0; i < 2; i++) while (await t.poll()) { /* budget */ } };
  return { t, lines, events, drain };
}
/** The position a tail saves after reading `content` from a new `log`. */
async function savedAfterReading(content: string) {
  const p = join(dir, 'log');
  writeFileSync(p, content);
  const first = tail(p);
  await first.drain();
  const pos = first.t.position() as SourcePosition;
  await first.t.close();
  return { p, pos };
}
const numbered = (from: number, n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${from + i}\n`).join('');

describe('FileTail: truncation and rotation', () => {
  it('copytruncate refilled past the old offset before the next poll: the new content is read once, from 0', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, numbered(0, 5, 'old'));
    const { t, lines, events, drain } = tail(p);
    await drain();
    copyFileSync(p, `${p}.1`);
    truncateSync(p, 0);
    appendFileSync(p, numbered(0, 20, 'new-content-line-'));
    await drain();
    expect(lines).toEqual([...numbered(0, 5, 'old').split('\n').slice(0, 5), ...numbered(0, 20, 'new-content-line-').split('\n').slice(0, 20)]);
    expect(events.truncated).toBe(1);
    await t.close();
  });

  it('a refill shorter than the old offset is found by size, one longer by its first bytes', async () => {
    const p = join(dir, 'log');
    writeFileSync(p, 'aaaaaaaaaa\n');
    const { t, lines, events, drain } = tail(p);
    await drain();
    truncateSync(p, 0);
    appendFileSync(p, 'b\n');
    await drain();
    truncateSync(p, 0);
    appendFileSync(p, 'c\ncccccccccccccccccccc\n');
    await drain();
    expect(lines).toEqual(['aaaaaaaaaa', 'b', 'c', 'cccccccccccccccccccc']);
    expect(events.truncated).toBe(2);
    await t.close();
  });

  it('after a restart: the saved file truncated, refilled and renamed is read from 0, then the new file', async () => {
    const { p, pos } = await savedAfterReading('a1\na2\n');
    truncateSync(p, 0);
    appendFileSync(p, 'b1\nb2\nb3\n');
    renameSync(p, `${p}.1`);
    writeFileSync(p, 'c1\n');
    const second = tail(p, pos);
    await second.drain();
    expect(second.lines).toEqual(['b1', 'b2', 'b3', 'c1']);
    expect(second.events).toEqual({ rotated: 1, truncated: 1 });
    await second.t.close();
  });

  it('after a restart: truncated in place while down, read from 0 and counted', async () => {
    const { p, pos } = await savedAfterReading('a1\na2\na3\n');
    truncateSync(p, 0);
    appendFileSync(p, 'b1\n');
    const second = tail(p, pos);
    await second.drain();
    expect(second.lines).toEqual(['b1']);
    expect(second.events.truncated).toBe(1);
    await second.t.close();
  });

  it('recognises rotated names of a path, never compressed ones or other logs', () => {
    expect(['log.1', 'log-20261201', 'log.2'].every((n) => rotatedName('log', n))).toBe(true);
    expect(rotatedName('deliveries.jsonl', 'deliveries-1.jsonl')).toBe(true);
    expect(['log.2.gz', 'log', 'other.log', 'log.1.zst'].some((n) => rotatedName('log', n))).toBe(false);
  });
});
