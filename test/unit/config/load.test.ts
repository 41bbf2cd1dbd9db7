import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../config/index.js';

const files: Record<string, string> = { '/cfg/secret.txt': 'file-secret\n', '/cfg/empty.txt': '' };
const readFile = (p: string) => {
  const v = files[p];
  if (v === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return v;
};
const parse = (text: string, env: Record<string, string> = {}) => parseConfig(text, { file: 'hookwatch.yaml', dir: '/cfg', env, readFile });
const errorsOf = (text: string, env: Record<string, string> = {}): string[] => {
  try {
    parse(text, env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected a ConfigError');
};

const MINIMAL = `endpoints:
  - name: primary
    url: http://127.0.0.1:8080/webhook
`;

describe('config loader', () => {
  it('applies named defaults to a minimal config', () => {
    const c = parse(MINIMAL);
    expect(c.prober.region).toBe('local');
    expect(c.prober.listen).toEqual({ host: '127.0.0.1', port: 9468, text: '127.0.0.1:9468' });
    const e = c.endpoints[0]!;
    expect(e.checks.delivery.enabled).toBe(true);
    expect(e.checks.health.enabled).toBe(false);
    expect(e.checks.delivery.schedule).toEqual({ kind: 'cron', expr: '*/15 * * * * *' });
    expect(e.thresholds.failureRate.threshold).toBe(0.05);
    expect(e.thresholds.endpointDown.for.text).toBe('2m');
    expect(c.exporter.checkpointSeconds).toBe(1);
    expect(Object.isFrozen(c.endpoints[0])).toBe(true);
  });

  it('merges per-endpoint alert overrides over the global thresholds', () => {
    const c = parse(`${MINIMAL}    alerts: { failure_rate: { threshold: 0.2 } }
alerts:
  failure_rate: { threshold: 0.1, for: 10m }
`);
    expect(c.endpoints[0]!.thresholds.failureRate).toMatchObject({ threshold: 0.2, for: { text: '10m', seconds: 600 } });
    expect(c.alerts.defaults.failureRate.threshold).toBe(0.1);
    expect(c.endpoints[0]!.hasOverrides).toBe(true);
  });

  it('reads secrets from env and files, and never prints them', () => {
    const c = parse(`endpoints:
  - name: a
    url: http://127.0.0.1/a
    signing: { scheme: stripe, secret: "\${env:A_SECRET}" }
  - name: b
    url: http://127.0.0.1/b
    signing: { scheme: github, secret_file: secret.txt }
`, { A_SECRET: 'whsec_env' });
    expect(c.endpoints[0]!.signing!.secrets[0]!.reveal()).toBe('whsec_env');
    expect(c.endpoints[1]!.signing!.secrets[0]!.reveal()).toBe('file-secret');
    expect(JSON.stringify(c)).not.toContain('whsec_env');
    expect(JSON.stringify(c)).not.toContain('file-secret');
  });

  it.each([
    ['an unknown scheme',
      `${MINIMAL}    signing: { scheme: sha1, secret: x }\n`,
      'hookwatch.yaml:4:24 endpoints[0].signing.scheme: got "sha1", expected one of standard-webhooks, svix, stripe, github, slack, hmac-sha256, none'],
    ['an unknown key',
      `${MINIMAL}    retry_count: 3\n`,
      'hookwatch.yaml:4:5 endpoints[0].retry_count: unknown key (expected one of name, url'],
    ['a mistyped key',
      `${MINIMAL}    helth_url: http://127.0.0.1:8080/health\n`,
      'hookwatch.yaml:4:5 endpoints[0].helth_url: unknown key (did you mean health_url?)'],
    ['a mistyped key in a nested section',
      `${MINIMAL}prober:\n  listn: 127.0.0.1:0\n`,
      'hookwatch.yaml:5:3 prober.listn: unknown key (did you mean listen?)'],
    ['a bad url',
      'endpoints:\n  - name: a\n    url: ftp://x/y\n',
      'hookwatch.yaml:3:10 endpoints[0].url: got "ftp://x/y", expected an http:// or https:// URL'],
    ['a bad duration',
      `${MINIMAL}alerts:\n  failure_rate: { for: 5 minutes }\n`,
      'hookwatch.yaml:5:24 alerts.failure_rate.for: got "5 minutes", expected a duration like 30s, 5m or 1h'],
    ['a bad cron expression',
      `${MINIMAL}prober:\n  schedule: "every 15s"\n`,
      'hookwatch.yaml:5:13 prober.schedule: got "every 15s", expected a cron expression like "*/15 * * * * *" (seconds first, optional)'],
    ['a ratio out of range',
      `${MINIMAL}alerts:\n  failure_rate: { threshold: 5 }\n`,
      'hookwatch.yaml:5:30 alerts.failure_rate.threshold: got 5, expected a ratio between 0 and 1 (exclusive)'],
    ['a missing secret',
      `${MINIMAL}    signing: { scheme: slack }\n`,
      'hookwatch.yaml:4:14 endpoints[0].signing.secret: got nothing, expected one of secret, secrets, secret_file or secret_files'],
    ['a generic field on a fixed scheme',
      `${MINIMAL}    signing: { scheme: github, secret: x, header: X-Sig }\n`,
      'hookwatch.yaml:4:51 endpoints[0].signing.header: got "X-Sig", expected no "header" (only scheme hmac-sha256 takes it)'],
    ['signature_enforcement on an endpoint without signing',
      `${MINIMAL}    checks: { signature_enforcement: { enabled: true } }\n`,
      'hookwatch.yaml:4:49 endpoints[0].checks.signature_enforcement.enabled: got true, expected false: the endpoint has no signature to enforce (it has no signing)'],
    ['signature_enforcement on an endpoint with scheme none',
      `${MINIMAL}    signing: { scheme: none }\n    checks: { signature_enforcement: { enabled: true } }\n`,
      'hookwatch.yaml:5:49 endpoints[0].checks.signature_enforcement.enabled: got true, expected false: the endpoint has no signature to enforce (its signing scheme is none)'],
    ['a duplicate endpoint name',
      `${MINIMAL}  - name: primary\n    url: http://127.0.0.1:8081/webhook\n`,
      'hookwatch.yaml:4:11 endpoints[1].name: got "primary", expected a unique name (endpoints[0] is already "primary")'],
    ['no endpoints',
      'prober: {}\n',
      'hookwatch.yaml:1:1 endpoints: got nothing, expected a list'],
    ['a bad listen address',
      `${MINIMAL}prober:\n  listen: "9468"\n`,
      'hookwatch.yaml:5:11 prober.listen: got "9468", expected an address like 127.0.0.1:9468 (host:port)'],
    ['a route to an unconfigured receiver',
      `${MINIMAL}notify:\n  routes: { critical: [pagerduty] }\n`,
      'hookwatch.yaml:5:24 notify.routes.critical[0]: got "pagerduty", expected a receiver configured under notify (none configured)'],
    ['broken YAML',
      'endpoints: [\n',
      'hookwatch.yaml:2:1 expected valid YAML'],
  ])('rejects %s with one exact line', (_name, text, line) => {
    const lines = errorsOf(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(line)).toBe(true);
  });

  it('lists every problem, not only the first', () => {
    const lines = errorsOf('endpoints:\n  - name: "bad name"\n    url: nope\n    signing: { scheme: md5, secret: x }\n');
    expect(lines).toHaveLength(3);
  });

  it('names a missing environment variable in one line', () => {
    const lines = errorsOf(`${MINIMAL}    signing: { scheme: stripe, secret: "\${env:NOPE}" }\n`);
    expect(lines).toEqual(['hookwatch.yaml:4:40 endpoints[0].signing.secret: environment variable NOPE is not set']);
  });

  it('gives each unknown key of one mapping its own line', () => {
    const lines = errorsOf(`${MINIMAL}    urll: x\n    nmae: y\n`);
    expect(lines).toEqual([
      'hookwatch.yaml:4:5 endpoints[0].urll: unknown key (did you mean url?)',
      'hookwatch.yaml:5:5 endpoints[0].nmae: unknown key (did you mean name?)',
    ]);
  });

  it('never prints a secret value in an error', () => {
    const lines = errorsOf(`${MINIMAL}    signing: { scheme: stripe, secret: "\${env:S}", tolerance_seconds: -1 }\n    headers: { Authorization: 5 }\n`, { S: 'topsecretvalue' });
    expect(lines.join('\n')).not.toContain('topsecretvalue');
    expect(lines.length).toBeGreaterThan(0);
  });

  it('reports an unreadable or empty secret file', () => {
    const lines = errorsOf(`${MINIMAL}    signing: { scheme: github, secret_file: empty.txt }\n  - name: b\n    url: http://x/\n    signing: { scheme: github, secret_file: missing.txt }\n`);
    expect(lines).toEqual([
      'hookwatch.yaml:4:45 endpoints[0].signing.secret_file: got "empty.txt", expected a file holding a non-empty secret',
      'hookwatch.yaml:7:45 endpoints[1].signing.secret_file: got "missing.txt", expected a readable file (ENOENT)',
    ]);
  });
});
