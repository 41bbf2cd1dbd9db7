import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildFiles } from '../build-files.js';
import { configFrom, parse, UsageError } from '../args.js';
import { TARGET_OPTIONS, prometheusTargets } from '../targets.js';
import { kubernetesFiles } from '../kubernetes/files.js';
import { loadForKubernetes } from '../kubernetes/load.js';
import type { GeneratedFile } from '../../output/index.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch build --config FILE --out DIR [--prober-target HOST:PORT]...
                      [--exporter-target HOST:PORT]... [--alertmanager HOST:PORT]...
                      [--rule-files-dir DIR]
       hookwatch build --kubernetes --config FILE --out CHART_DIR

Writes the Grafana dashboards and provisioning files, the Prometheus rule
files, alertmanager.yml with its templates, and a prometheus.yml generated
from the config. Only the components the config enables (prober.enabled,
exporter sources) get scrape jobs, rules and meta-alerts.

prometheus.yml scrapes the prober and exporter where the config listens
(a wildcard host becomes 127.0.0.1), alerts Alertmanager on 127.0.0.1:9093
and loads rules/*.yml next to itself; each flag replaces one of these
(repeat a target flag for several). npm run generate passes the
docker-compose service names.

--kubernetes writes, into a copy of the Helm chart (deploy/helm/hookwatch),
the chart's generated files: files/hookwatch.yaml (the config), files/rules/
(the PrometheusRule's groups) and files/dashboards/ (the Grafana sidecar
ConfigMaps), and manifests/hookwatch.yaml, plain manifests for kubectl
apply. Secret files are not read: they live in the cluster.`;

export const build: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' }, kubernetes: { type: 'boolean' }, ...TARGET_OPTIONS }, HELP);
    if (!opts) return 0;
    if (!opts.out) throw new UsageError('--out DIR is required');
    let files: GeneratedFile[];
    if (opts.kubernetes) {
      const flag = Object.keys(TARGET_OPTIONS).find((k) => (opts as Record<string, unknown>)[k] !== undefined);
      if (flag) throw new UsageError(`--${flag} is for prometheus.yml; --kubernetes writes none (the ServiceMonitors find the pods)`);
      if (!opts.config) configFrom(undefined);
      const { config, text } = loadForKubernetes(opts.config!, process.env);
      files = kubernetesFiles(config, text);
    } else {
      const config = configFrom(opts.config);
      files = buildFiles(config, prometheusTargets(config, opts));
    }
    for (const f of files) {
      const path = join(opts.out, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    console.log(`wrote ${files.length} files to ${opts.out}`);
    return 0;
  },
};
