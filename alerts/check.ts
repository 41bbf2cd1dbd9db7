/**
 * `hookwatch check` on a build output: promtool and amtool, when installed,
 * judge the generated files. A missing tool is reported and skipped, not an
 * error: the config itself has already been validated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALERTMANAGER_FILE } from './alertmanager/index.js';

export interface CheckOptions {
  /** Folders searched first for the tools; then the plain name is run (PATH). */
  readonly toolDirs?: readonly string[];
}

/** `.tools/bin` of this package (fetched by `npm run tools`), found from dist/alerts or alerts/. */
function defaultToolDirs(): string[] {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return [join(here, '../.tools/bin'), join(here, '../../.tools/bin')];
}

type Run = { ran: boolean; ok: boolean; output: string };

function run(tool: string, args: string[], dirs: readonly string[]): Run {
  const found = dirs.map((d) => join(d, tool)).find((p) => existsSync(p)) ?? tool;
  const r = spawnSync(found, args, { encoding: 'utf8' });
  if (r.error) return { ran: false, ok: true, output: `${tool} not found: skipped` };
  return { ran: true, ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/** Checks rule files, prometheus.yml and alertmanager.yml under `dir` (the build output). */
export function checkGeneratedFiles(dir: string, opts: CheckOptions = {}): { ok: boolean; lines: string[] } {
  const dirs = opts.toolDirs ?? defaultToolDirs();
  const lines: string[] = [];
  let ok = true;
  const report = (what: string, r: Run) => {
    ok &&= r.ok;
    if (!r.ran) lines.push(`${what}: ${r.output}`);
    else if (r.ok) lines.push(`${what}: ok`);
    else lines.push(...r.output.split('\n').filter((l) => l.trim() !== '').map((l) => `${what}: ${l}`));
  };
  const rulesDir = join(dir, 'prometheus/rules');
  const rules = existsSync(rulesDir) ? readdirSync(rulesDir).filter((f) => f.endsWith('.yml')).sort().map((f) => join(rulesDir, f)) : [];
  if (rules.length) report('promtool check rules', run('promtool', ['check', 'rules', ...rules], dirs));
  const prom = join(dir, 'prometheus/prometheus.yml');
  if (existsSync(prom)) report('promtool check config', run('promtool', ['check', 'config', '--syntax-only', prom], dirs));
  const am = join(dir, ALERTMANAGER_FILE);
  if (existsSync(am)) report('amtool check-config', run('amtool', ['check-config', am], dirs));
  if (!rules.length && !existsSync(prom) && !existsSync(am)) {
    ok = false;
    lines.push(`${dir}: no generated rule files, prometheus.yml or alertmanager.yml to check`);
  }
  return { ok, lines };
}
