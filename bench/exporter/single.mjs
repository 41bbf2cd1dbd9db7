/**
 * The single-threaded reference of the exporter benchmark: the same
 * `--once` counting on one thread (runOnce, in this process), exposition
 * written to stdout, so the benchmark can compare the parallel CLI's
 * output with it byte for byte (and time it as the one-core figure).
 *
 *   node bench/exporter/single.mjs CONFIG > out.prom
 */
import { fileURLToPath } from 'node:url';

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const { loadConfig } = await import('../../dist/config/index.js');
  const { runOnce, settingsFrom } = await import('../../dist/exporter/index.js');
  const { VERSION } = await import('../../dist/cli/version.js');
  process.stdout.write(await runOnce(settingsFrom(loadConfig(process.argv[2])), { version: VERSION }));
}
