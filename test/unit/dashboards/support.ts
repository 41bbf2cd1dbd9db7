/** Shared fixtures for the dashboard tests: the golden config, loaded once. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig, type Config } from '../../../config/index.js';

export const GOLDEN_DIR = fileURLToPath(new URL('../../golden/dashboards/', import.meta.url));
export const GOLDEN_CONFIG_FILE = `${GOLDEN_DIR}hookwatch.yaml`;

/** Parses a config text the way the CLI would, with no env and no files. */
export function configFromText(text: string, file = 'hookwatch.yaml'): Config {
  return parseConfig(text, { file, dir: GOLDEN_DIR, env: {}, readFile: () => { throw new Error('no files in tests'); } });
}

/** The golden test's config. */
export function goldenConfig(): Config {
  return configFromText(readFileSync(GOLDEN_CONFIG_FILE, 'utf8'), 'test/golden/dashboards/hookwatch.yaml');
}

export const COMPACT_CONFIG_FILE = `${GOLDEN_DIR}compact/hookwatch.yaml`;

/** The golden config with `prober.metrics: compact` (test/golden/dashboards/compact/). */
export function compactConfig(): Config {
  return configFromText(readFileSync(COMPACT_CONFIG_FILE, 'utf8'), 'test/golden/dashboards/compact/hookwatch.yaml');
}
