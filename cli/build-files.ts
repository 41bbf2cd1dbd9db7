/**
 * Everything `hookwatch build` writes for a config: dashboards and Grafana
 * provisioning, rule files, alertmanager.yml and its templates, and a
 * prometheus.yml for the given addresses (by default the config's own, see
 * targets.ts). The docker-compose stack and the local stack get the same
 * files; only the addresses differ.
 */
import { generateAlertFiles } from '../alerts/index.js';
import type { Config } from '../config/index.js';
import { generateDashboardFiles } from '../dashboards/index.js';
import { nonEmpty, type GeneratedFile } from '../output/index.js';
import { prometheusConfigFile, type PrometheusTargets } from './stack/prometheus.js';
import { topologyFiles } from './topology/index.js';
import { COMPOSE_FLAGS, prometheusTargets } from './targets.js';

/** Addresses inside docker-compose.yml's network (service names): what COMPOSE_FLAGS give for any config. */
export const COMPOSE_TARGETS: PrometheusTargets = {
  prober: [...COMPOSE_FLAGS['prober-target']!],
  exporter: [...COMPOSE_FLAGS['exporter-target']!],
  alertmanager: [...COMPOSE_FLAGS.alertmanager!],
  ruleFilesDir: COMPOSE_FLAGS['rule-files-dir']!,
};

export function buildFiles(config: Config, targets: PrometheusTargets = prometheusTargets(config)): GeneratedFile[] {
  const files = [...generateDashboardFiles(config), ...generateAlertFiles(config), prometheusConfigFile(config, targets), ...topologyFiles(config)];
  for (const f of files) nonEmpty(f.content, f.path);
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two generators wrote ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
