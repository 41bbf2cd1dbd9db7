/**
 * `npm ci && npm start` compiles once: prepare and prestart both run
 * scripts/build-if-stale.mjs, which builds only when a source changed since
 * the last build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../../scripts/build-if-stale.mjs';
import { ROOT } from '../../support/tools.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hookwatch-build-'));
  mkdirSync(join(root, 'cli'));
  writeFileSync(join(root, 'cli/main.ts'), 'export {};\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build-if-stale', () => {
  it('builds once when run twice on unchanged sources, and again after a source changes', () => {
    let builds = 0;
    const run = () => buildIfStale({ root, sources: ['cli'], build: () => void (builds += 1) });
    expect(run()).toBe('built');
    expect(run()).toBe('fresh');
    expect(builds).toBe(1);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'cli/main.ts'), later, later);
    expect(run()).toBe('built');
    writeFileSync(join(root, 'cli/new.ts'), 'export {};\n');
    expect(run()).toBe('built');
    expect(run()).toBe('fresh');
    expect(builds).toBe(3);
  });

  it('does not build when a build fails, and tries again next time', () => {
    const fresh = mkdtempSync(join(root, 'failing-'));
    writeFileSync(join(fresh, 'a.ts'), 'export {};\n');
    expect(() => buildIfStale({ root: fresh, sources: ['a.ts'], build: () => { throw new Error('tsc failed'); } })).toThrow('tsc failed');
    expect(buildIfStale({ root: fresh, sources: ['a.ts'], build: () => undefined })).toBe('built');
  });

  it('is a no-op for npm start right after the tests\' own build (the same stamp)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toBe('build: dist/ is up to date with the sources, nothing to compile\n');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('node scripts/build-if-stale.mjs');
    expect(pkg.scripts.prestart).toBe('node scripts/build-if-stale.mjs');
  });
});
