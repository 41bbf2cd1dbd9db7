/**
 * vitest global setup: compiles the sources to dist/ once (the Node code
 * and the status page's browser script), so integration tests run the real
 * `hookwatch` binary as a child process.
 *
 * Two test runs may go on side by side in one checkout: a lock lets one of
 * them build while the other waits, and a stamp of the sources lets the
 * second skip the build, so no run ever spawns the CLI while another run is
 * rewriting dist/ under it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['catalog', 'output', 'queries', 'signing', 'config', 'daemon', 'http', 'traffic', 'status', 'prober', 'exporter', 'receiver', 'dashboards', 'alerts', 'cli', 'tsconfig.json', 'tsconfig.build.json'];
/** What `npm run build` compiles: the Node code, then the status page's browser script. */
const PROJECTS = ['tsconfig.build.json', 'status/page/browser/tsconfig.json'];
const STAMP = join(ROOT, 'dist/.sources-stamp');
const LOCK = join(ROOT, '.build.lock');

function stampOfSources(): string {
  const h = createHash('sha256');
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (p.endsWith('.ts') || p.endsWith('.json')) {
      h.update(`${p}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const s of SOURCES) if (existsSync(join(ROOT, s))) walk(join(ROOT, s));
  return h.digest('hex');
}

function withLock(fn: () => void): void {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`${LOCK} is held by another test run`);
      execFileSync('sleep', ['0.2']);
    }
  }
  try {
    fn();
  } finally {
    rmdirSync(LOCK);
  }
}

export default function setup(): void {
  withLock(() => {
    const stamp = stampOfSources();
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return;
    for (const project of PROJECTS) {
      try {
        execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { cwd: ROOT, stdio: 'pipe' });
      } catch (err) {
        // Type errors are reported by `npm run typecheck`; tsc still emits JS.
        const out = String((err as { stdout?: Buffer }).stdout ?? '');
        if (!out.includes('error TS')) throw err;
      }
    }
    writeFileSync(STAMP, stamp);
  });
}
