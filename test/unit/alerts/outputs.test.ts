/**
 * The generated files as a whole: promtool and amtool accept them (lint
 * included, prometheus.yml with the rule files it loads), `checkGeneratedFiles`
 * reports good and bad output, and secrets never leak.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.js';
import { ALERT_RULES_FILE, checkGeneratedFiles, generateAlertFiles, RECORDING_RULES_FILE } from '../../../alerts/index.js';
import { PROMETHEUS_CONFIG_FILE, generatePrometheusConfig } from '../../../cli/stack/prometheus.js';
import { CASES, loadCase, runTool, writeGenerated } from './support.js';

const TOOLS = join(import.meta.dirname, '../../../.tools/bin');
const targets = { prober: ['127.0.0.1:9468'], exporter: ['127.0.0.1:9469', '127.0.0.1:9470'], alertmanager: ['127.0.0.1:9093'], ruleFilesDir: 'rules' };

function withPrometheusConfig(name: string): string {
  const config = loadCase(name);
  const dir = writeGenerated(config);
  writeFileSync(join(dir, PROMETHEUS_CONFIG_FILE), generatePrometheusConfig(config, targets));
  return dir;
}

describe.each(CASES)('generated output (%s)', (name) => {
  it('passes promtool check rules with duplicate-rule lint fatal', () => {
    const dir = writeGenerated(loadCase(name));
    const files = [ALERT_RULES_FILE, RECORDING_RULES_FILE].map((f) => join(dir, f)).filter((f) => existsSync(f));
    const r = runTool('promtool', ['check', 'rules', '--lint=all', '--lint-fatal', ...files]);
    expect(r.ok, r.out).toBe(true);
  });

  it('prometheus.yml passes promtool check config, with the rule files it points at', () => {
    const dir = withPrometheusConfig(name);
    const r = runTool('promtool', ['check', 'config', join(dir, 'prometheus/prometheus.yml')]);
    expect(r.ok, r.out).toBe(true);
    // A prober-only config (minimal) records nothing, so writes no recording file.
    expect(r.out).toContain(`${loadCase(name).components.exporter ? 2 : 1} rule files found`);
  });

  it('checkGeneratedFiles runs promtool and amtool and reports ok', () => {
    const r = checkGeneratedFiles(withPrometheusConfig(name), { toolDirs: [TOOLS] });
    expect(r.lines).toEqual(['promtool check rules: ok', 'promtool check config: ok', 'amtool check-config: ok']);
    expect(r.ok).toBe(true);
  });
});

describe('checkGeneratedFiles on bad output', () => {
  it('reports promtool and amtool errors as lines and fails', () => {
    const dir = withPrometheusConfig('basic');
    writeFileSync(join(dir, ALERT_RULES_FILE), 'groups:\n  - name: x\n    rules:\n      - alert: X\n        expr: sum(rate(x[5m])\n');
    writeFileSync(join(dir, 'alertmanager/alertmanager.yml'), readFileSync(join(dir, 'alertmanager/alertmanager.yml'), 'utf8').replace('resolve_timeout: 5m', 'resolve_timeout: 5m\n  url_file: /nope'));
    const r = checkGeneratedFiles(dir, { toolDirs: [TOOLS] });
    expect(r.ok).toBe(false);
    expect(r.lines.some((l) => l.startsWith('promtool check rules:') && /parse error|unclosed/.test(l)), r.lines.join('\n')).toBe(true);
    expect(r.lines.some((l) => l.startsWith('amtool check-config:') && /url_file/.test(l)), r.lines.join('\n')).toBe(true);
  });

  it('says when a tool is missing instead of failing, and when there is nothing to check', () => {
    const dir = withPrometheusConfig('basic');
    const r = checkGeneratedFiles(dir, { toolDirs: ['/nonexistent'] });
    // Plain names fall back to PATH; on a machine without them each check is skipped with a line.
    for (const l of r.lines) expect(l).toMatch(/: (ok|.* not found: skipped)$/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(checkGeneratedFiles(empty, { toolDirs: [TOOLS] })).toEqual({ ok: false, lines: [`${empty}: no generated rule files, prometheus.yml or alertmanager.yml to check`] });
  });
});

describe('secrets', () => {
  it('never appear in generated files: only *_file paths do', () => {
    const files: Record<string, string> = { '/cfg/signing.txt': 'whsec_FILESECRET\n' };
    const config = parseConfig(`endpoints:
  - name: a
    url: https://a.example.com/hook
    signing: { scheme: standard-webhooks, secret: "\${env:A_SECRET}" }
  - name: b
    url: https://b.example.com/hook
    signing: { scheme: github, secret_file: signing.txt }
notify:
  slack: { api_url_file: /run/secrets/slack_url, channel: "#w" }
  pagerduty: { routing_key_file: /run/secrets/pd_key }
  email: { to: a@example.com, from: b@example.com, smarthost: "smtp.example.com:587", auth_username: am, auth_password_file: /run/secrets/smtp }
  opsgenie: { api_key_file: /run/secrets/og_key }
  webhook: { url: "https://bridge.example.com/hook", credentials_file: /run/secrets/bridge_token }
  heartbeat: { url: "https://hb.example.com/ping", credentials_file: /run/secrets/hb_token }
`, { file: 'hookwatch.yaml', dir: '/cfg', env: { A_SECRET: 'whsec_ENVSECRET0' }, readFile: (p) => files[p] ?? (() => { throw Object.assign(new Error('nope'), { code: 'ENOENT' }); })() });
    const out = [...generateAlertFiles(config).map((f) => f.content), generatePrometheusConfig(config, targets)].join('\n');
    expect(out).not.toContain('ENVSECRET');
    expect(out).not.toContain('FILESECRET');
    for (const path of ['/run/secrets/slack_url', '/run/secrets/pd_key', '/run/secrets/smtp', '/run/secrets/og_key', '/run/secrets/bridge_token', '/run/secrets/hb_token']) {
      expect(out).toContain(path);
    }
    expect(out).not.toMatch(/^\s*(api_url|routing_key|service_key|auth_password|api_key|credentials):/m);
  });

  it('rejects webhook url_file, which Alertmanager 0.25 does not support', () => {
    expect(() => parseConfig('endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\nnotify: { webhook: { url: "https://x.example.com", url_file: /run/secrets/u } }\n', { file: 'x.yaml', dir: '/tmp', env: {} }))
      .toThrow(/notify\.webhook\.url_file.*Alertmanager 0\.25/);
  });
});

describe('renderers', () => {
  it('refuse to write empty output', async () => {
    const { renderRuleFile } = await import('../../../alerts/render.js');
    expect(() => renderRuleFile([{ name: 'empty', rules: [] }], 'x.yaml')).toThrow(/empty output for x\.yaml/);
  });
});
