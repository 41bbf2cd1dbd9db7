import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSource } from '../../../../exporter/sources/file-source.js';
import type { SourcePosition } from '../../../../exporter/state/checkpoint.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-glob-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function source(saved = new Map<string, SourcePosition>(), retired: readonly SourcePosition[] = []) {
  const lines: string[] = [];
  const events = { rotated: 0, truncated: 0 };
  const src = new FileSource('s', join(dir, '*.jsonl'), { line: (t) => lines.push(t), tooLong: () => undefined }, 1000,
    { rotated: () => events.rotated++, truncated: () => events.truncated++ }, saved, retired);
  const drain = async () => { for (let i = 0; i < 3; i++) while (await src.poll()) { /* budget */ } };
  const restart = async () => {
    const saved = src.positions();
    const retired = [...src.retired()];
    await src.close();
    return source(saved, retired);
  };
  return { src, lines, events, drain, restart };
}
const f = (name: string) => join(dir, name);

/** logrotate's numbered scheme: d-2 → d-3, d-1 → d-2, d → d-1, new d. */
function shift(upTo: number): void {
  for (let i = upTo; i >= 1; i--) renameSync(f(`d-${i}.jsonl`), f(`d-${i + 1}.jsonl`));
  renameSync(f('d.jsonl'), f('d-1.jsonl'));
}

/** A source that has read `a1` from d.jsonl, which then got `a2`. */
async function readA1ThenA2() {
  writeFileSync(f('d.jsonl'), 'a1\n');
  const s = source();
  await s.drain();
  appendFileSync(f('d.jsonl'), 'a2\n');
  return s;
}

describe('glob sources follow files by identity', () => {
  it('numbered rotations shifting every file: each line once, one rotation per shift', async () => {
    const s = await readA1ThenA2();
    renameSync(f('d.jsonl'), f('d-1.jsonl'));
    writeFileSync(f('d.jsonl'), 'b1\n');
    await s.drain();
    appendFileSync(f('d-1.jsonl'), 'a3\n'); // a late write to the renamed file is still read
    shift(1);
    writeFileSync(f('d.jsonl'), 'c1\n');
    await s.drain();
    expect(s.lines.sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
    expect(s.events.rotated).toBe(2);
    await s.src.close();
  });

  it('after a restart, two shifts while down: the saved file resumes wherever it now is, the others are new', async () => {
    const first = await readA1ThenA2();
    renameSync(f('d.jsonl'), f('d-1.jsonl'));
    writeFileSync(f('d.jsonl'), 'b1\n');
    shift(1);
    writeFileSync(f('d.jsonl'), 'c1\n');
    const second = await first.restart();
    await second.drain();
    expect(second.lines.sort()).toEqual(['a2', 'b1', 'c1']);
    // And once more, with every file now known by the checkpoint.
    appendFileSync(f('d-1.jsonl'), 'b2\n');
    shift(2);
    writeFileSync(f('d.jsonl'), 'd1\n');
    const third = await second.restart();
    await third.drain();
    expect(third.lines.sort()).toEqual(['b2', 'd1']);
    await third.src.close();
  });

  it('a file leaving the glob is drained, retired and not read again when it comes back', async () => {
    const s = await readA1ThenA2();
    renameSync(f('d.jsonl'), f('d.jsonl.1'));
    await s.drain();
    expect(s.src.retired().length).toBe(1);
    renameSync(f('d.jsonl.1'), f('back.jsonl'));
    appendFileSync(f('back.jsonl'), 'a3\n');
    await s.drain();
    expect(s.lines).toEqual(['a1', 'a2', 'a3']);
    await s.src.close();
  });

  it('after a restart, a saved file renamed out of the glob while down is finished from its offset', async () => {
    const first = await readA1ThenA2();
    renameSync(f('d.jsonl'), f('d.jsonl.1'));
    writeFileSync(f('d.jsonl'), 'b1\n');
    const second = await first.restart();
    await second.drain();
    expect(second.lines.sort()).toEqual(['a2', 'b1']);
    expect(second.src.retired().length).toBe(1);
    await second.src.close();
  });

  it('a known inode with other first bytes (reused after a delete) is a new file, read from 0', async () => {
    writeFileSync(f('d.jsonl'), 'first file\n');
    const first = source();
    await first.drain();
    rmSync(f('d.jsonl'));
    writeFileSync(f('d.jsonl'), 'second file, maybe on the same inode\n');
    const second = await first.restart();
    await second.drain();
    expect(second.lines).toEqual(['second file, maybe on the same inode']);
    await second.src.close();
  });
});

describe('glob source checkpoints', () => {
  it('a checkpoint taken before the first look still holds every saved position', async () => {
    writeFileSync(f('a.jsonl'), 'a1\n');
    writeFileSync(f('b.jsonl'), 'b1\n');
    const first = source();
    await first.drain();
    const saved = first.src.positions();
    await first.src.close();
    const second = source(saved);
    expect([...second.src.positions().values()].map((p) => p.offset).sort()).toEqual([3, 3]);
    await second.drain();
    expect(second.lines).toEqual([]);
    await second.src.close();
  });
});
