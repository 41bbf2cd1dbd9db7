import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFiles } from '../build-files.js';
import { configFrom, parse, UsageError } from '../args.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch build --config FILE --out DIR

Writes the Grafana dashboards and provisioning files, the Prometheus rule
files, alertmanager.yml with its templates, and a prometheus.yml (for the
docker-compose network) generated from the config.`;

export const build: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' } }, HELP);
    if (!opts) return 0;
    if (!opts.out) throw new UsageError('--out DIR is required');
    const config = configFrom(opts.config);
    const files = buildFiles(config);
    for (const f of files) {
      const path = join(opts.out, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    console.log(`wrote ${files.length} files to ${opts.out}`);
    return 0;
  },
};
