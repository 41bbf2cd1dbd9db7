/**
 * prometheus.yml for the docker-compose stack and the local stack: the same
 * file but for the addresses, and part of every build output.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../../../catalog/index.js';
import { parseConfig } from '../../../../config/index.js';
import { COMPOSE_TARGETS, buildFiles } from '../../../../cli/build-files.js';
import { PROMETHEUS_CONFIG_FILE, generatePrometheusConfig } from '../../../../cli/stack/prometheus.js';

const targets = { prober: ['127.0.0.1:9468'], exporter: ['127.0.0.1:9469', '127.0.0.1:9470'], alertmanager: ['127.0.0.1:9093'], ruleFilesDir: 'rules' };

describe('generatePrometheusConfig', () => {
  it('takes intervals from alerts: and only the addresses differ between stacks', () => {
    const config = parseConfig('endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\nalerts: { scrape_interval: 10s, evaluation_interval: 20s }\n', { file: 'x.yaml', dir: '/tmp', env: {} });
    const local = parse(generatePrometheusConfig(config, targets));
    const compose = parse(generatePrometheusConfig(config, { prober: ['hookwatch:9468'], exporter: ['hookwatch:9469'], alertmanager: ['alertmanager:9093'], ruleFilesDir: '/etc/prometheus/rules/' }));
    expect(local.global).toEqual({ scrape_interval: '10s', evaluation_interval: '20s' });
    expect(local.scrape_configs.map((j: { job_name: string }) => j.job_name)).toEqual([JOBS.prober, JOBS.exporter]);
    expect(local.scrape_configs[1].static_configs[0].targets).toEqual(['127.0.0.1:9469', '127.0.0.1:9470']);
    expect(compose.rule_files).toEqual(['/etc/prometheus/rules/*.yml']);
    expect(compose.alerting.alertmanagers[0].static_configs[0].targets).toEqual(['alertmanager:9093']);
    expect({ ...local, rule_files: 0, alerting: 0, scrape_configs: 0 }).toEqual({ ...compose, rule_files: 0, alerting: 0, scrape_configs: 0 });
  });
});

describe('buildFiles', () => {
  it('writes prometheus.yml for the compose addresses by default', () => {
    const config = parseConfig('endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\n', { file: 'x.yaml', dir: '/tmp', env: {} });
    const file = buildFiles(config).find((f) => f.path === PROMETHEUS_CONFIG_FILE);
    expect(file?.content).toBe(generatePrometheusConfig(config, COMPOSE_TARGETS));
    expect(parse(file!.content).scrape_configs[0].static_configs[0].targets).toEqual(COMPOSE_TARGETS.prober);
  });
});
