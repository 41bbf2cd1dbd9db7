// Runs every benchmark in turn (they write their own BENCHMARKS.md sections).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

for (const script of ['prober.mjs', 'exporter.mjs', 'rotation.mjs', 'detection.mjs']) {
  const path = new URL(script, import.meta.url).pathname;
  if (!existsSync(path)) continue;
  console.log(`\n== bench/${script}`);
  const r = spawnSync(process.execPath, [path], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
