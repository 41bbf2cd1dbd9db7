/**
 * generated/ is the committed output of `hookwatch build` for
 * examples/demo.yaml, used as-is by docker-compose.yml. This test fails when
 * it is stale; `npm run generate` (or UPDATE_GOLDEN=1) rewrites it, with the
 * compose addresses as flags (COMPOSE_FLAGS, checked against package.json).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPOSE_TARGETS, buildFiles } from '../../cli/build-files.js';
import { loadConfig } from '../../config/index.js';
import { ROOT } from '../support/tools.js';

const GENERATED = join(ROOT, 'generated');
const KEEP = new Set(['README.md']);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(relative(GENERATED, p));
  }
  return out;
}

describe('generated/', () => {
  const files = buildFiles(loadConfig(join(ROOT, 'examples/demo.yaml'), { env: {} }), COMPOSE_TARGETS);

  if (process.env.UPDATE_GOLDEN === '1') {
    for (const f of listFiles(GENERATED)) if (!KEEP.has(f)) rmSync(join(GENERATED, f));
    for (const f of files) {
      mkdirSync(dirname(join(GENERATED, f.path)), { recursive: true });
      writeFileSync(join(GENERATED, f.path), f.content);
    }
  }

  it('holds exactly the files hookwatch build writes for examples/demo.yaml', () => {
    expect(listFiles(GENERATED).filter((f) => !KEEP.has(f)).sort()).toEqual(files.map((f) => f.path).sort());
  });

  it.each(files.map((f) => [f.path, f] as const))('%s is up to date (npm run generate)', (_path, f) => {
    expect(readFileSync(join(GENERATED, f.path), 'utf8')).toBe(f.content);
  });

  it('marks every YAML file as generated', () => {
    for (const f of files.filter((x) => x.path.endsWith('.yml'))) expect(f.content, f.path).toMatch(/generated .*do not edit/i);
  });
});
