import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFiles } from '../build-files.js';
import { configFrom, parse, UsageError } from '../args.js';
import { TARGET_OPTIONS, prometheusTargets } from '../targets.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch build --config FILE --out DIR [--prober-target HOST:PORT]...
                      [--exporter-target HOST:PORT]... [--alertmanager HOST:PORT]...
                      [--rule-files-dir DIR]

Writes the Grafana dashboards and provisioning files, the Prometheus rule
files, alertmanager.yml with its templates, and a prometheus.yml generated
from the config. Only the components the config enables (prober.enabled,
exporter sources) get scrape jobs, rules and meta-alerts.

prometheus.yml scrapes the prober and exporter where the config listens
(a wildcard host becomes 127.0.0.1), alerts Alertmanager on 127.0.0.1:9093
and loads rules/*.yml next to itself; each flag replaces one of these
(repeat a target flag for several). npm run generate passes the
docker-compose service names.`;

export const build: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' }, ...TARGET_OPTIONS }, HELP);
    if (!opts) return 0;
    if (!opts.out) throw new UsageError('--out DIR is required');
    const config = configFrom(opts.config);
    const files = buildFiles(config, prometheusTargets(config, opts));
    for (const f of files) {
      const path = join(opts.out, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    console.log(`wrote ${files.length} files to ${opts.out}`);
    return 0;
  },
};
