import { configFrom, parse, UsageError } from '../args.js';
import { runDaemon } from '../lifecycle.js';
import { LOG_FLAGS, LOG_HELP, loggerFrom } from '../log-flags.js';
import { startSimulator } from '../parts/simulator.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch simulate --config FILE

Runs the traffic simulator of the config alone: signed events at
simulator.rate_per_second to the configured endpoints, retries on the
configured schedule, every attempt written to simulator.log.path.

${LOG_HELP}`;

export const simulate: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, ...LOG_FLAGS }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const sim = config.simulator;
    if (!sim) throw new UsageError('the config has no simulator: section');
    const log = loggerFrom(opts).with({ component: 'simulator' });
    return runDaemon({
      log, configPath: opts.config!,
      start: async (parts) => {
        parts.push(startSimulator(sim, log));
        return () => log.info('sending', { rate_per_second: sim.ratePerSecond, endpoints: sim.endpoints.map((e) => e.name).join(','), log: sim.log.path });
      },
    });
  },
};
