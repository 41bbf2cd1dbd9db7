import { missingSources, runOnceInWorker, settingsFrom, sourceProblems } from '../../exporter/index.js';
import { configFrom, parse } from '../args.js';
import { runDaemon } from '../lifecycle.js';
import { LOG_FLAGS, LOG_HELP, loggerFrom } from '../log-flags.js';
import { startExporter } from '../parts/exporter.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch export --config FILE [--once]

Turns delivery logs into Prometheus metrics (exporter section of the config).

  daemon   serves /metrics, /-/healthy, /-/ready on exporter.listen and logs
           "msg=listening url=http://HOST:PORT" on stderr (listen: 127.0.0.1:0
           picks a free port). A file never seen before is read from its first byte; after
           that, counters survive kill -9 exactly (checkpoint in state_dir).
           SIGHUP reloads endpoints, label_limit and file sources (not listen or
           http sources); SIGTERM writes a last checkpoint and exits.
  --once   reads every source from its start to its end, prints the metrics in
           Prometheus text format on stdout and exits; no checkpoint is used.
${LOG_HELP}`;

export const exportCommand: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, once: { type: 'boolean' }, ...LOG_FLAGS }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const settings = settingsFrom(config);
    const problems = sourceProblems(settings);
    if (problems.length) {
      for (const p of problems) console.error(`${opts.config}: ${p}`);
      return 1;
    }
    if (opts.once) {
      // A file that is not there would count as nothing: say so instead of printing empty metrics.
      const missing = missingSources(settings);
      for (const m of missing) console.error(`${opts.config}: ${m}; export --once reads files that exist`);
      if (missing.length) return 1;
      process.stdout.write(await runOnceInWorker(settings, { version: VERSION, stdin: process.stdin }));
      return 0;
    }
    const log = loggerFrom(opts).with({ component: 'exporter' });
    return runDaemon({
      log, configPath: opts.config!,
      start: async (parts) => {
        const { part, url } = await startExporter(config, { log, stdin: process.stdin });
        parts.push(part);
        return () => log.info('listening', { url });
      },
    });
  },
};
