/**
 * `hookwatch backfill` and the daemon's catch-up on one thread and on
 * every core, on the same file, each output compared byte for byte with
 * the one-thread run (the exporter benchmark's "every core" rows).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { timed } from './measure.mjs';

/** Wall, CPU and peak RSS of backfill (--step 1m) and of the catch-up, at 1 and `cores` threads. */
export function bothCores(dir, cli, root, config, log) {
  const cores = cpus().length;
  const out = (name) => join(dir, name);
  const backfill = (threads) => timed(process.execPath, [cli, 'backfill', '--config', config, '--from', log, '--out', out(`backfill-${threads}.om`), '--step', '1m', '--threads', String(threads)], out(`backfill-${threads}.stdout`));
  const catchUp = (threads) => timed(process.execPath, [join(root, 'bench/exporter/catch-up.mjs'), config, out(`state-${threads}`), String(threads)], out(`catch-up-${threads}.prom`));
  console.error('backfill on one thread, then on every core…');
  const b1 = backfill(1);
  const bn = backfill(cores);
  console.error('catch-up on one thread, then on every core…');
  const c1 = catchUp(1);
  const cn = catchUp(cores);
  const same = (a, b) => readFileSync(out(a), 'utf8') === readFileSync(out(b), 'utf8');
  return {
    cores,
    backfill: { one: b1, all: bn, same: same('backfill-1.om', `backfill-${cores}.om`) },
    catchUp: { one: c1, all: cn, same: same('catch-up-1.prom', `catch-up-${cores}.prom`) },
  };
}
