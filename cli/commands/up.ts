import { fileURLToPath } from 'node:url';
import { configFrom, parse } from '../args.js';
import { startComponents, stopComponents, type Stopper } from '../stack/components.js';
import { log, runDaemon } from '../daemon.js';
import { listenError } from '../listen-error.js';
import { VERSION } from '../version.js';
import { printBanner } from '../format.js';
import type { Command } from './command.js';

export const DEMO_CONFIG = fileURLToPath(new URL('../../../examples/demo.yaml', import.meta.url));

const HELP = `usage: hookwatch up [--config FILE] [--no-demo]

Runs everything in one process: the reference receivers and the traffic
simulator of the config (the demo), the exporter and the prober. Without
--config it runs examples/demo.yaml. Ctrl-C stops everything cleanly.

  --no-demo   run only the prober and the exporter of your config`;

export const up: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, 'no-demo': { type: 'boolean' } }, HELP);
    if (!opts) return 0;
    const file = opts.config ?? DEMO_CONFIG;
    const config = configFrom(file);
    const stoppers: Stopper[] = [];
    const urls: [string, string][] = [];
    try {
      await startComponents(config, !opts['no-demo'], stoppers, urls);
    } catch (err) {
      await stopComponents(stoppers);
      const line = listenError(err);
      if (line) {
        console.error(`hookwatch up: ${line}`);
        return 1;
      }
      throw err;
    }
    const stopped = runDaemon('up', file, {
      reload: () => log('up', 'level=warn msg="reload is not supported by up; restart it"'),
      stop: () => stopComponents(stoppers),
    });
    printBanner(`hookwatch ${VERSION} is up (${file})`, urls);
    await stopped;
    return 0;
  },
};
