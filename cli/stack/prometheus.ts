/**
 * prometheus.yml: scrape jobs for the prober and exporter (each only when
 * the config enables it), the rule files and the Alertmanagers. The docker-compose stack and the local stack call
 * it with different addresses and get otherwise identical files.
 */
import { basename } from 'node:path';
import { JOBS } from '../../catalog/index.js';
import type { Config } from '../../config/index.js';
import { renderYaml, type GeneratedFile } from '../../output/index.js';

/** Where prometheus.yml goes in the build output. */
export const PROMETHEUS_CONFIG_FILE = 'prometheus/prometheus.yml';

/** Where things are, as host:port lists, and the rule folder as Prometheus sees it. */
export interface PrometheusTargets {
  prober: string[];
  exporter: string[];
  alertmanager: string[];
  /** Absolute, or relative to prometheus.yml; `*.yml` in it is loaded. */
  ruleFilesDir: string;
}

export function generatePrometheusConfig(config: Config, targets: PrometheusTargets): string {
  const job = (name: string, hosts: string[]) => ({ job_name: name, static_configs: [{ targets: [...hosts] }] });
  const doc = {
    global: {
      scrape_interval: config.alerts.scrapeInterval.text,
      evaluation_interval: config.alerts.evaluationInterval.text,
    },
    rule_files: [`${targets.ruleFilesDir.replace(/\/$/, '')}/*.yml`],
    ...(targets.alertmanager.length
      ? { alerting: { alertmanagers: [{ static_configs: [{ targets: [...targets.alertmanager] }] }] } }
      : {}),
    // Only the components the config runs get a job (and so an `up` series).
    scrape_configs: [
      ...(config.components.prober ? [job(JOBS.prober, targets.prober)] : []),
      ...(config.components.exporter ? [job(JOBS.exporter, targets.exporter)] : []),
    ],
  };
  return renderYaml(doc, basename(config.file));
}

/** prometheus.yml as a file of the build output. */
export function prometheusConfigFile(config: Config, targets: PrometheusTargets): GeneratedFile {
  return { path: PROMETHEUS_CONFIG_FILE, content: generatePrometheusConfig(config, targets) };
}
