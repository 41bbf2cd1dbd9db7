/**
 * Live heap after counting a whole log: runs the exporter's --once code in
 * a child with --expose-gc and reports heapUsed after a forced GC. RSS
 * includes V8's uncollected slack; this shows whether state really grows.
 *
 *   node --expose-gc --max-semi-space-size=32 bench/exporter/heap.mjs CONFIG
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** MiB of live heap after counting the config's sources (spawns a child). */
export function liveHeapMiB(config) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-semi-space-size=32', fileURLToPath(import.meta.url), config], { encoding: 'utf8' });
  return Number(out.trim());
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const { loadConfig } = await import('../../dist/config/index.js');
  const { runOnce, settingsFrom } = await import('../../dist/exporter/index.js');
  await runOnce(settingsFrom(loadConfig(process.argv[2])), { version: 'bench' });
  globalThis.gc();
  console.log((process.memoryUsage().heapUsed / 2 ** 20).toFixed(1));
}
