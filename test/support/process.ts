/**
 * Spawns the real `hookwatch` CLI and waits for lines on its stderr.
 * Every process started is killed in `stopAll()` (call it in afterEach/afterAll).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './tools.js';

const running = new Set<ChildProcess>();

export interface Daemon {
  readonly child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Resolves with the first match of `re` in stderr or stdout (waiting up to timeoutMs). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code. */
  exited(): Promise<number | null>;
}

export function startCli(args: readonly string[], env: Record<string, string> = {}): Daemon {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let err = '';
  let out = '';
  const waiters: (() => void)[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    running.delete(child);
    resolve(code);
    for (const w of waiters.splice(0)) w();
  }));
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited: () => exit,
    waitFor: (re, timeoutMs = 15_000) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${err}`)), timeoutMs);
      const check = () => {
        const m = err.match(re) ?? out.match(re);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`process exited (${child.exitCode}) before ${re}:\n${err}`));
        } else waiters.push(check);
      };
      check();
    }),
  };
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

export function stopAll(): void {
  for (const c of running) c.kill('SIGKILL');
  running.clear();
}
