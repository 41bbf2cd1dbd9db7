import { configFrom, parse } from '../args.js';
import type { Command } from './index.js';

const HELP = `usage: hookwatch check --config FILE

Validates the config and prints one line per problem (exit code 1 if any).`;

export const check: Command = {
  summary: 'validate a config file (exit 1 with every problem listed)',
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' } }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    console.log(`${opts.config}: ok (${config.endpoints.length} endpoint${config.endpoints.length === 1 ? '' : 's'})`);
    return 0;
  },
};
