/** Two heavy suites never overlap: the second waits until the first releases. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('makes a second holder wait until the first releases', async () => {
  process.env.HOOKWATCH_HEAVY_LOCK = join(mkdtempSync(join(tmpdir(), 'hw-lock-')), 'lock');
  const { heavySuiteLock } = await import('../../support/heavy-lock.js');
  const first = await heavySuiteLock('a');
  let second: (() => Promise<void>) | undefined;
  const waiting = heavySuiteLock('b').then((r) => (second = r));
  await new Promise((r) => setTimeout(r, 300));
  expect(second).toBeUndefined();
  await first();
  await waiting;
  expect(second).toBeTypeOf('function');
  await second!();
  await expect(heavySuiteLock('c', 1000).then((r) => r())).resolves.toBeUndefined();
});
