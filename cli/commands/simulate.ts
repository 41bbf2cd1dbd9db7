import { RotatingLogWriter } from '../../receiver/index.js';
import { Simulator } from '../../receiver/simulator/simulator.js';
import { configFrom, parse, UsageError } from '../args.js';
import { log, runDaemon } from '../daemon.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch simulate --config FILE

Runs the traffic simulator of the config alone: signed events at
simulator.rate_per_second to the configured endpoints, retries on the
configured schedule, every attempt written to simulator.log.path.`;

export const simulate: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' } }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    if (!config.simulator) throw new UsageError('the config has no simulator: section');
    const writer = new RotatingLogWriter(config.simulator.log);
    const sim = new Simulator(config.simulator, { writer });
    sim.start();
    const stopped = runDaemon('simulator', opts.config!, {
      reload: () => log('simulator', 'level=warn msg="reload is not supported; restart the simulator"'),
      stop: async () => {
        await sim.stop();
        writer.close();
        log('simulator', `level=info msg="stopped" created=${sim.stats.created} attempts=${sim.stats.attempts} delivered=${sim.stats.delivered} dead_lettered=${sim.stats.deadLettered}`);
      },
    });
    log('simulator', `level=info msg="sending" rate_per_second=${config.simulator.ratePerSecond} endpoints=${config.simulator.endpoints.map((e) => e.name).join(',')} log=${JSON.stringify(config.simulator.log.path)}`);
    await stopped;
    return 0;
  },
};
