/**
 * `hookwatch build` as run: prometheus.yml addresses from the config or the
 * flags (never the compose names unless passed), a bad flag in one line, and
 * `--kubernetes` writing exactly the chart's generated files and manifests
 * without reading secret files that only exist in the cluster.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { kubernetesFiles } from '../../../cli/kubernetes/files.js';
import { loadForKubernetes } from '../../../cli/kubernetes/load.js';
import { CLI, ROOT } from '../../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hookwatch = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
type Prom = { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[]; alerting?: { alertmanagers: { static_configs: { targets: string[] }[] }[] }; rule_files: string[] };

describe('hookwatch build', () => {
  it('a prober-only config: one scrape job at the config\'s listen address, Alertmanager on 127.0.0.1:9093', () => {
    const cfg = join(dir, 'prober-only.yaml');
    writeFileSync(cfg, 'endpoints: [{ name: a, url: "http://127.0.0.1:1/a" }]\nprober: { listen: "0.0.0.0:9555" }\n');
    const r = hookwatch(['build', '--config', cfg, '--out', join(dir, 'out1')]);
    expect(r.status, r.stderr).toBe(0);
    const prom = parse(readFileSync(join(dir, 'out1/prometheus/prometheus.yml'), 'utf8')) as Prom;
    expect(prom.scrape_configs.map((j) => [j.job_name, j.static_configs[0]!.targets])).toEqual([['hookwatch-prober', ['127.0.0.1:9555']]]);
    expect(prom.alerting!.alertmanagers[0]!.static_configs[0]!.targets).toEqual(['127.0.0.1:9093']);
    expect(readFileSync(join(dir, 'out1/prometheus/rules/hookwatch-alerts.yml'), 'utf8')).not.toMatch(/HookwatchExporterAbsent|webhook_deliver/);
  });

  it('flags replace the addresses; a bad one is a one-line usage error', () => {
    const r = hookwatch(['build', '--config', 'examples/demo.yaml', '--out', join(dir, 'out2'), '--prober-target', 'p1:1', '--prober-target', 'p2:2', '--alertmanager', 'am:9', '--rule-files-dir', '/rules']);
    expect(r.status, r.stderr).toBe(0);
    const prom = parse(readFileSync(join(dir, 'out2/prometheus/prometheus.yml'), 'utf8')) as Prom;
    expect(prom.scrape_configs[0]!.static_configs[0]!.targets).toEqual(['p1:1', 'p2:2']);
    expect(prom.scrape_configs[1]!.static_configs[0]!.targets).toEqual(['127.0.0.1:9469']);
    expect(prom.rule_files).toEqual(['/rules/*.yml']);
    const bad = hookwatch(['build', '--config', 'examples/demo.yaml', '--out', join(dir, 'out3'), '--alertmanager', 'http://am:9093']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--alertmanager "http:\/\/am:9093"\. Must be HOST:PORT/);
  });

  it('--kubernetes writes the chart files and manifests of the build, without the cluster\'s secret files', () => {
    const out = join(dir, 'chart');
    const r = hookwatch(['build', '--kubernetes', '--config', 'examples/kubernetes.yaml', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const { config, text } = loadForKubernetes(join(ROOT, 'examples/kubernetes.yaml'), {});
    for (const f of kubernetesFiles(config, text)) expect(readFileSync(join(out, f.path), 'utf8'), f.path).toBe(f.content);
    expect(hookwatch(['build', '--kubernetes', '--config', 'examples/kubernetes.yaml', '--out', out, '--alertmanager', 'a:1']).stderr).toMatch(/--alertmanager is for prometheus.yml/);
  });
});
