/**
 * One heavy suite at a time on this machine (the compose stack, the scale-out
 * topology): 2 cores do not carry two of them. The lock is an flock(1) held by
 * a child process on a machine-wide file, so it also serialises two test runs
 * side by side, and it is released when the child ends: on release(), or when
 * the test process dies and the child's stdin closes.
 *
 *   const release = await heavySuiteLock('compose');   // in beforeAll
 *   ...
 *   await release();                                  // in afterAll
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HEAVY_LOCK_FILE = process.env.HOOKWATCH_HEAVY_LOCK ?? join(tmpdir(), 'hookwatch-heavy-suites.lock');

/** Waits (up to timeoutMs) until no other heavy suite runs, then holds the lock until the returned function is called. */
export function heavySuiteLock(suite: string, timeoutMs = 30 * 60_000): Promise<() => Promise<void>> {
  const child = spawn('flock', ['-x', '-w', String(Math.ceil(timeoutMs / 1000)), HEAVY_LOCK_FILE, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('locked')) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      resolve(async () => {
        child.stdin!.end();
        await exited;
      });
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!out.includes('locked')) reject(new Error(`heavy suite "${suite}": could not take ${HEAVY_LOCK_FILE} within ${timeoutMs} ms (flock exit ${code})`));
    });
  });
}
