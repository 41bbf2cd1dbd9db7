/**
 * The traffic simulator as a daemon part, for `simulate`, `up` and `stack`.
 * It does not reload: a new rate or schedule needs a restart.
 */
import type { SimulatorConfig } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import { RotatingLogWriter } from '../../receiver/index.js';
import { Simulator } from '../../traffic/index.js';
import type { Part } from '../lifecycle.js';

export function startSimulator(config: SimulatorConfig, log: Logger): Part {
  const writer = new RotatingLogWriter(config.log);
  const sim = new Simulator(config, { writer });
  sim.start();
  return {
    name: 'simulator',
    stop: async () => {
      await sim.stop();
      writer.close();
      const s = sim.stats;
      log.info('stopped', { created: s.created, attempts: s.attempts, delivered: s.delivered, dead_lettered: s.deadLettered });
    },
  };
}
