/**
 * Golden test: the config in, every generated file out, byte for byte.
 * Regenerate the expected files only deliberately: UPDATE_GOLDEN=1.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDashboardFiles } from '../../../dashboards/index.js';
import { GOLDEN_DIR, compactConfig, goldenConfig } from '../../unit/dashboards/support.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** The default (full) config at the top, and compact/ with `prober.metrics: compact`. */
const CASES = [
  { name: 'full', config: goldenConfig, expected: join(GOLDEN_DIR, 'expected') },
  { name: 'compact', config: compactConfig, expected: join(GOLDEN_DIR, 'compact', 'expected') },
] as const;

describe.each(CASES)('dashboards golden files ($name metrics)', ({ config, expected: EXPECTED }) => {
  const files = generateDashboardFiles(config());

  if (UPDATE) {
    for (const f of files) {
      mkdirSync(dirname(join(EXPECTED, f.path)), { recursive: true });
      writeFileSync(join(EXPECTED, f.path), f.content);
    }
  }

  it('writes exactly the expected set of files', () => {
    expect(files.map((f) => f.path).sort()).toEqual(listFiles(EXPECTED).sort());
  });

  for (const f of files) {
    it(`${f.path} matches byte for byte`, () => {
      const path = join(EXPECTED, f.path);
      expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 to create it`).toBe(true);
      // Compare as strings, not parsed JSON: key order and whitespace are part of the contract.
      expect(f.content).toBe(readFileSync(path, 'utf8'));
    });
  }
});
