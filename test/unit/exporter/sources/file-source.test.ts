import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSource } from '../../../../exporter/sources/file-source.js';
import { globToRegExp } from '../../../../exporter/sources/glob.js';
import type { SourcePosition } from '../../../../exporter/state/checkpoint.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-src-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function source(saved = new Map<string, SourcePosition>(), retired: SourcePosition[] = []) {
  const lines: string[] = [];
  let rotations = 0;
  const src = new FileSource('s', join(dir, '*.jsonl'), { line: (t) => lines.push(t), tooLong: () => undefined }, 1000,
    { rotated: () => rotations++, truncated: () => undefined }, saved, retired);
  const drain = async () => { for (let i = 0; i < 3; i++) while (await src.poll()) { /* budget */ } };
  return { src, lines, drain, rotations: () => rotations };
}

describe('glob sources', () => {
  it('matches * ? and [] in the file name only, never dot files', () => {
    const re = globToRegExp('app-?.[jl]og*');
    expect(['app-1.log', 'app-2.jog.1'].every((n) => re.test(n))).toBe(true);
    expect(['app-12.log', '.app-1.log', 'app-1.xog'].some((n) => re.test(n))).toBe(false);
  });

  it('picks up new files and does not read a file rotated onto a matching name again, even after a restart', async () => {
    writeFileSync(join(dir, 'a.jsonl'), 'a1\n');
    const first = source();
    await first.drain();
    writeFileSync(join(dir, 'b.jsonl'), 'b1\n');
    await first.drain();
    expect(first.lines.sort()).toEqual(['a1', 'b1']);
    // Rotation by rename onto a name the glob also matches.
    appendFileSync(join(dir, 'a.jsonl'), 'a2\n');
    renameSync(join(dir, 'a.jsonl'), join(dir, 'a.1.jsonl'));
    writeFileSync(join(dir, 'a.jsonl'), 'a3\n');
    await first.drain();
    expect(first.lines.sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(first.rotations()).toBe(1);

    const saved = first.src.positions();
    const retired = [...first.src.retired()];
    await first.src.close();
    appendFileSync(join(dir, 'b.jsonl'), 'b2\n');
    const second = source(saved, retired);
    await second.drain();
    expect(second.lines).toEqual(['b2']);
    await second.src.close();
  });
});
