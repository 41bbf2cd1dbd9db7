import { spawnSync } from 'node:child_process';
import { tool } from './tools.js';

/** Runs `promtool check metrics` on an exposition text; returns its complaints. */
export function promtoolCheckMetrics(text: string): { ok: boolean; output: string } {
  const r = spawnSync(tool('promtool'), ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}
