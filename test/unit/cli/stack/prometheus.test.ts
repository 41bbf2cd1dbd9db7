/**
 * prometheus.yml for the docker-compose stack and the local stack: the same
 * file but for the addresses, and part of every build output.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { JOBS } from '../../../../catalog/index.js';
import { parseConfig } from '../../../../config/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_TARGETS, buildFiles } from '../../../../cli/build-files.js';
import { COMPOSE_FLAGS, prometheusTargets } from '../../../../cli/targets.js';
import { ROOT } from '../../../support/tools.js';
import { PROMETHEUS_CONFIG_FILE, generatePrometheusConfig } from '../../../../cli/stack/prometheus.js';

const targets = { prober: ['127.0.0.1:9468'], exporter: ['127.0.0.1:9469', '127.0.0.1:9470'], alertmanager: ['127.0.0.1:9093'], ruleFilesDir: 'rules' };

describe('generatePrometheusConfig', () => {
  it('takes intervals from alerts: and only the addresses differ between stacks', () => {
    const config = parseConfig('endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\nexporter: { sources: [{ type: stdin }] }\nalerts: { scrape_interval: 10s, evaluation_interval: 20s }\n', { file: 'x.yaml', dir: '/tmp', env: {} });
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
  it('writes prometheus.yml for the config\'s own addresses by default, never the compose ones', () => {
    const config = parseConfig('endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\nprober: { listen: "0.0.0.0:9500" }\nexporter: { listen: "127.0.0.2:9501", sources: [{ type: stdin }] }\n', { file: 'x.yaml', dir: '/tmp', env: {} });
    const doc = parse(buildFiles(config).find((f) => f.path === PROMETHEUS_CONFIG_FILE)!.content);
    expect(doc.scrape_configs.map((j: { static_configs: { targets: string[] }[] }) => j.static_configs[0]!.targets)).toEqual([['127.0.0.1:9500'], ['127.0.0.2:9501']]);
    expect(doc.alerting.alertmanagers[0].static_configs[0].targets).toEqual(['127.0.0.1:9093']);
    expect(doc.rule_files).toEqual(['rules/*.yml']);
    expect(JSON.stringify(doc)).not.toMatch(/hookwatch:|alertmanager:/);
  });

  it('takes every address from the flags, and the compose flags give the compose addresses', () => {
    const config = parseConfig('endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\n', { file: 'x.yaml', dir: '/tmp', env: {} });
    expect(prometheusTargets(config, COMPOSE_FLAGS)).toEqual(COMPOSE_TARGETS);
    expect(prometheusTargets(config, { 'prober-target': ['p1:1', 'p2:2'] }).prober).toEqual(['p1:1', 'p2:2']);
    expect(() => prometheusTargets(config, { alertmanager: ['http://am:9093'] })).toThrow(/Invalid --alertmanager "http:\/\/am:9093"\. Must be HOST:PORT/);
  });

  it('npm run generate passes exactly the compose flags', () => {
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.generate!;
    const flags = Object.entries(COMPOSE_FLAGS).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `--${k} ${x}`));
    for (const f of flags) expect(script).toContain(f);
    expect(script.match(/--(prober-target|exporter-target|alertmanager|rule-files-dir) /g)).toHaveLength(flags.length);
  });
});
