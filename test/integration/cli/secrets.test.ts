/**
 * Issue 12 points 7 and 8, through the real binary: `send`, `check`,
 * `build`, `dashboards push` and `probe --once` never print a URL's
 * credentials or query values, a token or a secret, and a secret its scheme
 * cannot use is a one-line config error instead of a stack trace.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stopAll } from '../../support/process.js';
import { httpServer, json, readBody, type TestServer } from '../../support/servers.js';

const PASSWORD = 'urlpwcanary4411';
const TOKEN = 'querycanary9032';
const HEADER = 'headercanary2207';
const SECRET = 'envsecretcanary6150';
const GRAFANA_TOKEN = 'glsa_grafanacanary77';
const CANARIES = [PASSWORD, TOKEN, HEADER, SECRET, GRAFANA_TOKEN];

let dir: string;
let receiver: TestServer;
let grafana: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-secrets-'));
  receiver = await httpServer(async (req, res) => {
    await readBody(req);
    json(res, 200, { ok: true });
  });
  // Refuses everything and echoes what it got: the Authorization header and a credentialed URL.
  grafana = await httpServer((req, res) => json(res, 401, { message: `refused ${req.headers.authorization} at http://admin:${PASSWORD}@grafana.local/?auth_token=${TOKEN}` }));
});
afterAll(async () => {
  stopAll();
  await receiver.close();
  await grafana.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const run = (args: string[]) => runCli(args, { HWS: SECRET, GRAFANA_TOKEN });
const noCanary = (text: string) => {
  for (const c of CANARIES) expect(text).not.toContain(c);
};
const filesUnder = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? filesUnder(join(d, n)) : [join(d, n)]));

/** An endpoint with a password and a token in its URL, a secret header and an env signing secret. */
const endpoint = () => `endpoints:
  - name: primary
    url: "http://user:${PASSWORD}@127.0.0.1:${receiver.port}/hook?token=${TOKEN}"
    health_url: "http://127.0.0.1:${receiver.port}/health?apikey=${TOKEN}"
    headers: { X-Api-Key: ${HEADER} }
    signing: { scheme: stripe, secret: "\${env:HWS}" }
`;

describe('send', () => {
  it('prints the URL with its credentials and query values masked', async () => {
    const r = await run(['send', '--config', write('send.yaml', endpoint()), '--endpoint', 'primary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`POST http://***@127.0.0.1:${receiver.port}/hook?token=***\n`);
    noCanary(r.stdout + r.stderr);
  });
});

describe('check', () => {
  it('masks an invalid credentialed URL and a health_url query value', async () => {
    const r = await run(['check', '--no-tools', '--config', write('check.yaml', `endpoints:
  - name: primary
    url: "ftp://user:${PASSWORD}@host/hook"
    health_url: "ftp://host/health?apikey=${TOKEN}"
`)]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${dir}/check.yaml:3:10 endpoints[0].url: got "ftp://***@host/hook", expected an http:// or https:// URL`,
      `${dir}/check.yaml:4:17 endpoints[0].health_url: got "ftp://host/health?apikey=***", expected an http:// or https:// URL`,
    ]);
  });

  it('refuses a Standard Webhooks secret that is not whsec_ + base64, in one line', async () => {
    const file = write('whsec.yaml', `endpoints:\n  - name: primary\n    url: http://127.0.0.1:${receiver.port}/hook\n    signing: { scheme: standard-webhooks, secret: "whsec_notbase64!" }\n`);
    const line = `${file}:4:51 endpoints[0].signing.secret: got <redacted>, expected a Standard Webhooks secret: "whsec_" followed by base64`;
    for (const args of [['check', '--no-tools'], ['send', '--endpoint', 'primary'], ['probe', '--once']]) {
      const r = await run([...args, '--config', file]);
      expect([r.code, r.stderr.trim()], args[0]).toEqual([1, line]);
      expect(r.stdout + r.stderr).not.toContain('whsec_notbase64!');
    }
  });
});

describe('build', () => {
  it('refuses credentials in grafana.url, in one line, and writes nothing', async () => {
    const out = join(dir, 'out-refused');
    const r = await run(['build', '--out', out, '--config', write('grafana.yaml', `${endpoint()}grafana: { url: "https://admin:${PASSWORD}@grafana.example.com" }\n`)]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^\S+grafana\.yaml:\d+:\d+ grafana\.url: got "https:\/\/\*\*\*@grafana\.example\.com", expected a URL without credentials \(.*--token-file.*--password-file/);
    noCanary(r.stdout + r.stderr);
    expect(() => statSync(out)).toThrow();
  });

  it('copies no secret into any generated file', async () => {
    const out = join(dir, 'out');
    const r = await run(['build', '--out', out, '--config', write('build.yaml', `${endpoint()}grafana: { url: "https://grafana.example.com/sub" }\n`)]);
    expect(r.code).toBe(0);
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) noCanary(readFileSync(f, 'utf8'));
  });
});

describe('dashboards push', () => {
  it('refuses a credentialed --grafana-url, masked', async () => {
    const r = await run(['dashboards', 'push', '--config', write('push.yaml', endpoint()), '--grafana-url', `http://admin:${PASSWORD}@127.0.0.1:${grafana.port}/`]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`hookwatch dashboards: Invalid --grafana-url "http://***@127.0.0.1:${grafana.port}/". Must not carry credentials: use --token-file FILE or GRAFANA_TOKEN, or --user with --password-file FILE or GRAFANA_PASSWORD.`);
  });

  it('relays Grafana\'s error body with the token and URLs masked', async () => {
    const r = await run(['dashboards', 'push', '--config', write('push2.yaml', endpoint()), '--grafana-url', `http://127.0.0.1:${grafana.port}/?orgId=${TOKEN}`]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('hookwatch dashboards push: Grafana GET /api/folders/hookwatch → 401: Grafana rejected the credentials; check the service-account token (or user and password) (Grafana: "refused Bearer <secret> at http://***@grafana.local/?auth_token=***")');
    noCanary(r.stdout + r.stderr);
  });
});
