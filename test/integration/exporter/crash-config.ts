/** The config of the kill -9 tests: the test endpoints, an ephemeral port, quick checkpoints and polls. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_ENDPOINTS } from './generate.js';

/** Writes `dir/hookwatch.yaml` with these exporter sources (a YAML flow list) and `extra` exporter lines; returns its path. */
export function writeCrashConfig(dir: string, sources: string, extra: readonly string[] = []): string {
  const path = join(dir, 'hookwatch.yaml');
  writeFileSync(path, [
    'endpoints:',
    ...TEST_ENDPOINTS.map((e) => `  - { name: ${e.name}, url: "${e.url}" }`),
    'exporter:',
    '  listen: 127.0.0.1:0',
    '  state_dir: ./state',
    '  checkpoint_interval: 150ms',
    '  poll_interval: 20ms',
    `  sources: ${sources}`,
    ...extra.map((l) => `  ${l}`),
  ].join('\n'));
  return path;
}
