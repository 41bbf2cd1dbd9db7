import { settingsFrom, sourceProblems } from '../../exporter/settings.js';
import { runOnceInWorker } from '../../exporter/once-worker.js';
import { startDaemon } from '../../exporter/daemon.js';
import { CheckpointError } from '../../exporter/checkpoint.js';
import { configFrom, parse } from '../args.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch export --config FILE [--once]

Turns delivery logs into Prometheus metrics (exporter section of the config).

  daemon   serves /metrics, /-/healthy, /-/ready on exporter.listen and prints
           "listening on http://HOST:PORT" on stderr (listen: 127.0.0.1:0 picks a
           free port). A file never seen before is read from its first byte; after
           that, counters survive kill -9 exactly (checkpoint in state_dir).
           SIGHUP reloads endpoints, label_limit and file sources (not listen or
           http sources); SIGTERM writes a last checkpoint and exits.
  --once   reads every source from its start to its end, prints the metrics in
           Prometheus text format on stdout and exits; no checkpoint is used.`;

export const exportCommand: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, once: { type: 'boolean' } }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const settings = settingsFrom(config);
    const problems = sourceProblems(settings);
    if (problems.length) {
      for (const p of problems) console.error(`${opts.config}: ${p}`);
      return 1;
    }
    if (opts.once) {
      process.stdout.write(await runOnceInWorker(settings, { version: VERSION, stdin: process.stdin }));
      return 0;
    }
    const log = (line: string) => console.error(`hookwatch export: ${line}`);
    let daemon;
    try {
      daemon = await startDaemon(settings, { version: VERSION, log, stdin: process.stdin });
    } catch (err) {
      if (err instanceof CheckpointError) {
        log(err.message);
        return 1;
      }
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
        log(`exporter.listen ${config.exporter.listen.text}: ${e.code}`);
        return 1;
      }
      throw err;
    }
    log(`listening on ${daemon.url}`);
    const d = daemon;
    return new Promise<number>((resolve) => {
      process.on('SIGHUP', () => {
        try {
          const next = configFrom(opts.config);
          d.reload(settingsFrom(next)).then(() => log('config reloaded'), (err: unknown) => log(`reload: ${(err as Error).message}`));
        } catch (err) {
          d.reloadFailed();
          log(`reload failed, keeping the running config: ${(err as Error).message.split('\n')[0]}`);
        }
      });
      const stop = () => { d.stop().then(() => resolve(0), (err: unknown) => { log(`stop: ${(err as Error).message}`); resolve(1); }); };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  },
};
