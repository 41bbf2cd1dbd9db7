/**
 * The exporter daemon's catch-up, timed alone: a fresh state folder, the
 * config's file sources read to their ends by the runtime the daemon runs
 * (with `--threads 1` by its polls only, else first by the parallel
 * catch-up on worker threads), one checkpoint, the `/metrics` text on
 * stdout (the checkpoint time fixed, so two runs compare byte for byte).
 *
 *   node bench/exporter/catch-up.mjs CONFIG STATE_DIR THREADS > out.prom
 */
import { fileURLToPath } from 'node:url';

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[4]) {
  const [config, stateDir, threads] = process.argv.slice(2);
  const { loadConfig } = await import('../../dist/config/index.js');
  const { settingsFrom } = await import('../../dist/exporter/index.js');
  const { ExporterRuntime } = await import('../../dist/exporter/run/runtime.js');
  // Parallel whatever the size when asked for threads (as `backfill --threads`).
  const settings = { ...settingsFrom(loadConfig(config)), stateDir, ...(Number(threads) > 1 ? { parallelCatchUpBytes: 1 } : {}) };
  const rt = await ExporterRuntime.open(settings, { version: 'bench', now: () => 1_800_000_000 });
  const workers = Number(threads);
  if (workers > 1 && !(await rt.catchUp({ workers }))) throw new Error('the parallel catch-up did not run');
  while (await rt.pollFiles()) { /* to the end */ }
  await rt.close();
  process.stdout.write(rt.snapshot);
}
