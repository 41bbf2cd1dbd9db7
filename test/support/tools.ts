/**
 * Paths of the real Prometheus tools fetched by scripts/fetch-prometheus-tools.sh,
 * and of redis-server, fetched by scripts/fetch-redis.sh.
 * Tests use these binaries, never mocks; a missing binary is a test failure
 * with the command that fixes it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = `${ROOT}.tools/bin`;

export type Tool =
  | 'prometheus' | 'promtool' | 'prometheus-alertmanager' | 'amtool' | 'prometheus-blackbox-exporter' | 'mtail'
  | 'victoria-metrics' | 'vmagent' | 'vmalert' | 'vmauth'
  | 'redis-server' | 'redis-cli';

export function tool(name: Tool): string {
  const p = `${BIN}/${name}`;
  const fix = name.startsWith('redis') ? '"bash scripts/fetch-redis.sh"' : '"npm run tools" (scripts/fetch-prometheus-tools.sh)';
  if (!existsSync(p)) throw new Error(`${p} is missing: run ${fix}`);
  return p;
}

/** The compiled CLI entry (built by test/support/build.ts). */
export const CLI = `${ROOT}bin/hookwatch.js`;
