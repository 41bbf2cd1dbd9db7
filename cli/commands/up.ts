import { fileURLToPath } from 'node:url';
import { configFrom, parse } from '../args.js';
import { startComponents } from '../stack/components.js';
import { runDaemon } from '../lifecycle.js';
import { LOG_FLAGS, LOG_HELP, loggerFrom } from '../log-flags.js';
import { VERSION } from '../version.js';
import { printBanner } from '../format.js';
import type { Command } from './command.js';

export const DEMO_CONFIG = fileURLToPath(new URL('../../../examples/demo.yaml', import.meta.url));

const HELP = `usage: hookwatch up [--config FILE] [--no-demo]

Runs everything in one process: the reference receivers and the traffic
simulator of the config (the demo), the exporter and the prober. Without
--config it runs ./hookwatch.yaml when present, else examples/demo.yaml.
SIGHUP reloads the prober, the exporter and the receivers' faults; Ctrl-C
stops everything cleanly.

  --no-demo   run only the prober and the exporter of your config
${LOG_HELP}`;

export const up: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, 'no-demo': { type: 'boolean' }, ...LOG_FLAGS }, HELP);
    if (!opts) return 0;
    const file = opts.config ?? DEMO_CONFIG;
    const config = configFrom(file);
    const root = loggerFrom(opts);
    return runDaemon({
      log: root.with({ component: 'up' }), configPath: file,
      start: async (parts) => {
        const urls = await startComponents(config, !opts['no-demo'], root, parts);
        return () => printBanner(`hookwatch ${VERSION} is up (${file})`, urls);
      },
    });
  },
};
