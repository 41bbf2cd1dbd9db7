/**
 * Shared test helpers: the example configs, generated output written to a
 * temp dir, and the real promtool/amtool.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig, type Config } from '../../../config/index.js';
import { generateAlertFiles } from '../../../alerts/index.js';
import { ROOT, tool, type Tool } from '../../support/tools.js';

export const CASES_DIR = join(ROOT, 'test/golden/alerts/cases');
export const CASES = readdirSync(CASES_DIR).sort();

export function loadCase(name: string): Config {
  return loadConfig(join(CASES_DIR, name, 'hookwatch.yaml'), { env: {} });
}

/** Writes the generated files of a config under a fresh temp dir; returns it. */
export function writeGenerated(config: Config): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookwatch-alerts-'));
  for (const f of generateAlertFiles(config)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

export function runTool(name: Tool, args: string[], cwd?: string): { ok: boolean; status: number | null; out: string } {
  const r = spawnSync(tool(name), args, { encoding: 'utf8', cwd, timeout: 120_000 });
  return { ok: r.status === 0, status: r.status, out: `${r.stdout}${r.stderr}` };
}
