/**
 * Everything `hookwatch build` writes for a config: dashboards and Grafana
 * provisioning, rule files, alertmanager.yml and its templates, and a
 * prometheus.yml for the given addresses. The docker-compose stack and the
 * local stack get the same files; only the addresses differ.
 */
import { generateAlertFiles } from '../alerts/index.js';
import type { Config } from '../config/index.js';
import { generateDashboardFiles } from '../dashboards/index.js';
import { nonEmpty, type GeneratedFile } from '../output/index.js';
import { prometheusConfigFile, type PrometheusTargets } from './stack/prometheus.js';
import { topologyFiles } from './topology/index.js';

/** Addresses inside docker-compose.yml's network (service names). */
export const COMPOSE_TARGETS: PrometheusTargets = {
  prober: ['hookwatch:9468'],
  exporter: ['hookwatch:9469'],
  alertmanager: ['alertmanager:9093'],
  ruleFilesDir: '/etc/prometheus/rules',
};

export function buildFiles(config: Config, targets: PrometheusTargets = COMPOSE_TARGETS): GeneratedFile[] {
  const files = [...generateDashboardFiles(config), ...generateAlertFiles(config), prometheusConfigFile(config, targets), ...topologyFiles(config)];
  for (const f of files) nonEmpty(f.content, f.path);
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two generators wrote ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
