#!/usr/bin/env node
/**
 * Compiles the sources to dist/ (the Node code, then the status page's
 * browser script) unless dist/ was built from exactly these sources: a
 * stamp of every source file's path, size and mtime is written after a
 * build, and a build is skipped when it matches. `npm ci` (prepare) builds
 * once; `npm start` (prestart) and the tests' global setup then build only
 * when a source changed.
 *
 * Two runs may go on side by side in one checkout (two test runs, a test
 * run and `npm start`): a lock lets one build while the other waits, so
 * none ever runs the CLI while another is rewriting dist/ under it.
 *
 *   node scripts/build-if-stale.mjs [--allow-type-errors]
 *
 * --allow-type-errors (the tests): tsc still emits JS on type errors, which
 * `npm run typecheck` reports; without it a type error fails the build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['catalog', 'output', 'queries', 'signing', 'config', 'daemon', 'http', 'traffic', 'status', 'prober', 'exporter', 'receiver', 'receiver-kit', 'dashboards', 'alerts', 'cli', 'tsconfig.json', 'tsconfig.build.json'];
/** What `npm run build` compiles: the Node code, then the status page's browser script. */
const PROJECTS = ['tsconfig.build.json', 'status/page/browser/tsconfig.json'];
const LOCK_MS = 180_000;

/** A digest of every .ts and .json file's path, size and mtime under the sources. */
export function stampOfSources(root = ROOT, sources = SOURCES) {
  const h = createHash('sha256');
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (p.endsWith('.ts') || p.endsWith('.json')) {
      h.update(`${p.slice(root.length)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const s of sources) if (existsSync(join(root, s))) walk(join(root, s));
  return h.digest('hex');
}

function withLock(lock, fn) {
  const deadline = Date.now() + LOCK_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_MS) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`${lock} is held by another build`);
      execFileSync('sleep', ['0.2']);
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(lock);
  }
}

/** Runs tsc on each project; with allowTypeErrors, a type error (JS still emitted) is not a failure. */
function tsc(root, allowTypeErrors) {
  for (const project of PROJECTS) {
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: root, stdio: 'pipe' });
    } catch (err) {
      const out = String(err.stdout ?? '');
      if (!allowTypeErrors || !out.includes('error TS')) {
        process.stderr.write(out);
        throw new Error(`tsc -p ${project} failed`);
      }
    }
  }
}

/**
 * Builds when the sources differ from the stamp of the last build; returns
 * 'built' or 'fresh'. `build` and `sources` are for tests.
 */
export function buildIfStale({ root = ROOT, sources = SOURCES, allowTypeErrors = false, build = () => tsc(root, allowTypeErrors) } = {}) {
  const stampFile = join(root, 'dist/.sources-stamp');
  return withLock(join(root, '.build.lock'), () => {
    const stamp = stampOfSources(root, sources);
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return 'fresh';
    build();
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(stampFile, stamp);
    return 'built';
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = buildIfStale({ allowTypeErrors: process.argv.includes('--allow-type-errors') });
  console.log(result === 'built' ? 'build: compiled the sources to dist/' : 'build: dist/ is up to date with the sources, nothing to compile');
}
