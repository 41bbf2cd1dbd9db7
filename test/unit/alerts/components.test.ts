/**
 * Build output follows the config: a prober-only config (golden case
 * "minimal", no exporter sources) and an exporter-only one
 * (`prober.enabled: false`) get no rule, record, meta-alert or scrape job
 * for the component they do not run.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ALERT_RULES_FILE, generateAlertFiles, RECORDING_RULES_FILE } from '../../../alerts/index.js';
import { ALL_METRICS, type AlertName } from '../../../catalog/index.js';
import { buildFiles } from '../../../cli/build-files.js';
import { PROMETHEUS_CONFIG_FILE } from '../../../cli/stack/prometheus.js';
import type { Config } from '../../../config/index.js';
import { JOBS } from '../../../catalog/index.js';
import { configErrors } from '../../support/config.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../config/index.js';
import { CASES_DIR, loadCase } from './support.js';

type Doc = { groups: { rules: { alert?: AlertName; record?: string; expr: string }[] }[] };

function rules(config: Config) {
  const files = generateAlertFiles(config);
  return files.filter((f) => f.path.startsWith('prometheus/rules/')).flatMap((f) => (parse(f.content) as Doc).groups.flatMap((g) => g.rules));
}
const alerts = (config: Config) => new Set(rules(config).flatMap((r) => (r.alert ? [r.alert] : [])));
/** Names of a component's metrics (and their histogram series) appearing in the rules. */
function metricsOf(config: Config, component: 'prober' | 'exporter'): string[] {
  const text = rules(config).map((r) => r.expr).join('\n');
  return ALL_METRICS.filter((m) => m.component === component && new RegExp(`\\b${m.name}(_bucket|_sum|_count)?\\b`).test(text)).map((m) => m.name);
}
const jobs = (config: Config) => (parse(buildFiles(config).find((f) => f.path === PROMETHEUS_CONFIG_FILE)!.content) as { scrape_configs: { job_name: string }[] }).scrape_configs.map((j) => j.job_name);

describe('build output follows the config', () => {
  const full = loadCase('basic');
  const proberOnly = loadCase('minimal');
  const exporterOnly = loadCase('exporter-only');

  it('a config with both components gets both: the baseline the cases below are measured against', () => {
    expect(full.components).toEqual({ prober: true, exporter: true });
      for (const a of ['HookwatchProberAbsent', 'HookwatchExporterAbsent', 'HookwatchExporterStalled', 'WebhookEndpointDown', 'WebhookHighFailureRate'] as const) expect(alerts(full)).toContain(a);
    expect(metricsOf(full, 'prober').length).toBeGreaterThan(0);
    expect(metricsOf(full, 'exporter').length).toBeGreaterThan(0);
    expect(jobs(full)).toEqual([JOBS.prober, JOBS.exporter]);
  });

  it('prober-only (no exporter sources): no exporter job, rule, record or meta-alert; it pages for nothing that does not exist', () => {
    expect(proberOnly.components).toEqual({ prober: true, exporter: false });
    const names = alerts(proberOnly);
    for (const a of ['HookwatchExporterAbsent', 'HookwatchExporterStalled', 'WebhookHighFailureRate', 'WebhookHighRetryRate', 'WebhookDLQGrowing', 'WebhookErrorBudgetBurn', 'WebhookResponseTimeDegraded'] as const) expect(names).not.toContain(a);
    for (const a of ['HookwatchProberAbsent', 'WebhookEndpointDown', 'WebhookTLSCertExpiring', 'Watchdog'] as const) expect(names).toContain(a);
    expect(rules(proberOnly).filter((r) => r.record)).toEqual([]);
    expect(generateAlertFiles(proberOnly).map((f) => f.path)).not.toContain(RECORDING_RULES_FILE);
    expect(jobs(proberOnly)).toEqual([JOBS.prober]);
    // The rate-limit quota reads probe headers or logged headers; the one kept reads the probe's.
    expect(metricsOf(proberOnly, 'prober').length).toBeGreaterThan(0);
  });

  it('exporter-only (prober.enabled: false): no prober job, probe alert, inhibitor or HookwatchProberAbsent', () => {
    expect(exporterOnly.components).toEqual({ prober: false, exporter: true });
    const names = alerts(exporterOnly);
    for (const a of ['HookwatchProberAbsent', 'WebhookEndpointDown', 'WebhookOutageInhibitor', 'WebhookTLSCertExpiring', 'WebhookSignatureNotEnforced', 'WebhookSignatureRejected'] as const) expect(names).not.toContain(a);
    for (const a of ['HookwatchExporterAbsent', 'HookwatchExporterStalled', 'WebhookHighFailureRate', 'WebhookErrorBudgetBurn', 'Watchdog'] as const) expect(names).toContain(a);
    expect(jobs(exporterOnly)).toEqual([JOBS.exporter]);
    expect(generateAlertFiles(exporterOnly).map((f) => f.path)).toContain(ALERT_RULES_FILE);
  });

  it('every rule kept reads the component that runs, or no metric at all (Watchdog)', () => {
    const reads = (expr: string, component: 'prober' | 'exporter') => ALL_METRICS.some((m) => m.component === component && new RegExp(`\\b${m.name}(_bucket|_sum|_count)?\\b`).test(expr));
    const anyMetric = (expr: string) => reads(expr, 'prober') || reads(expr, 'exporter');
    for (const r of rules(proberOnly)) if (anyMetric(r.expr)) expect(reads(r.expr, 'prober'), r.alert ?? r.record).toBe(true);
    for (const r of rules(exporterOnly)) if (anyMetric(r.expr) && !r.expr.includes('endpoint:')) expect(reads(r.expr, 'exporter'), r.alert ?? r.record).toBe(true);
  });

  it('maintenance: delivery rates "unless" in maintenance need only the exporter; a prober-only config drops them and their burn alerts', () => {
    const text = readFileSync(join(CASES_DIR, 'maintenance/hookwatch.yaml'), 'utf8');
    const parse = (t: string) => parseConfig(t, { file: 'hookwatch.yaml', dir: '/tmp', env: {} });
    const outside = (c: Config) => rules(c).filter((r) => r.record?.includes('outside_maintenance')).length;
    const both = parse(text);
    expect(outside(both)).toBeGreaterThan(0);
    const proberOnly = parse(text.replace(/^exporter:\n.*\n/m, ''));
    expect(proberOnly.components.exporter).toBe(false);
    expect(outside(proberOnly)).toBe(0);
    expect(alerts(proberOnly)).not.toContain('WebhookErrorBudgetBurn');
    const exporterOnly = parse(`${text}prober: { enabled: false }\n`);
    expect(outside(exporterOnly)).toBe(outside(both));
    expect(alerts(exporterOnly)).toContain('WebhookErrorBudgetBurn');
  });

  it('exporter.enabled: true without sources is refused in one line', () => {
    expect(configErrors('endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\nexporter: { enabled: true }\n')).toEqual([
      expect.stringMatching(/^hookwatch\.yaml:2:\d+ exporter\.enabled: got true, expected sources to read when the exporter is enabled/),
    ]);
  });

  it('exporter.enabled: false switches an exporter with sources off', () => {
    const text = 'endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\nexporter: { enabled: false, sources: [{ type: stdin }] }\n';
    expect(configErrors(text)).toEqual([]);
  });
});
