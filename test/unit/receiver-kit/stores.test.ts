/**
 * The in-memory and file DedupeStores: a claim is atomic per key, expires
 * after its TTL, can be released, and (file) survives a restart, release
 * included.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStore, memoryStore, type DedupeStore, type LocalStoreOptions } from '../../../receiver-kit/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'hookwatch-kit-'));
  dirs.push(d);
  return d;
};

const kinds: [string, (o: LocalStoreOptions) => DedupeStore][] = [
  ['memory', (o) => memoryStore(o)],
  ['file', (o) => fileStore(join(tmp(), 'ids.jsonl'), o)],
];

describe.each(kinds)('%s store', (_, make) => {
  it('claims a key once until its TTL ends, and again after a release', async () => {
    const clock = { t: 1_800_000_000 };
    const s = make({ now: () => clock.t });
    expect(await s.claim('evt_1', 10_000)).toBe(true);
    expect(await s.claim('evt_1', 10_000)).toBe(false);
    expect(await s.claim('evt_2', 10_000)).toBe(true);
    clock.t += 9.999;
    expect(await s.claim('evt_1', 10_000)).toBe(false);
    clock.t += 0.001;
    expect(await s.claim('evt_1', 10_000)).toBe(true);
    await s.release('evt_2');
    expect(await s.claim('evt_2', 10_000)).toBe(true);
  });

  it('gives one of two racing claims of a key', async () => {
    const s = make({});
    const results = await Promise.all([s.claim('evt_r', 60_000), s.claim('evt_r', 60_000)]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('forgets the oldest key past maxEntries', async () => {
    const s = make({ maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) expect(await s.claim(k, 60_000)).toBe(true);
    expect(await s.claim('a', 60_000)).toBe(true);
    expect(await s.claim('c', 60_000)).toBe(false);
  });
});

describe('file store across a restart', () => {
  it('keeps claims, and keeps a release released', async () => {
    const path = join(tmp(), 'state', 'ids.jsonl');
    const a = fileStore(path);
    await a.claim('kept', 60_000);
    await a.claim('released', 60_000);
    await a.release('released');
    await a.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3);
    const b = fileStore(path);
    expect(await b.claim('kept', 60_000)).toBe(false);
    expect(await b.claim('released', 60_000)).toBe(true);
  });
});
