/** `hookwatch dashboards push` wiring: flags, credentials from files and env, exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../cli/args.js';
import { authFrom, dashboards } from '../../../cli/commands/dashboards.js';
import { FakeGrafana } from './fake-grafana.js';
import { GOLDEN_CONFIG_FILE } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-push-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
let g: FakeGrafana;
let out: string[];
let err: string[];

beforeEach(async () => {
  g = await new FakeGrafana({ tokens: { glsa_editor: 'Editor' }, users: { admin: ['pw', 'Admin'] } }).start();
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await g.stop();
});

describe('hookwatch dashboards push', () => {
  it('pushes with a token file and prints one line per dashboard', async () => {
    const code = await dashboards.run(['push', '--config', GOLDEN_CONFIG_FILE, '--grafana-url', g.url, '--token-file', file('token', 'glsa_editor\n')]);
    expect([code, err]).toEqual([0, []]);
    expect(out[0]).toBe('folder "Webhooks" (hookwatch): created');
    expect(out.slice(1)).toHaveLength(5);
    expect(out[1]).toBe(`uploaded ${g.url}/d/hookwatch-overview/webhooks-overview (version 1)`);
    expect(g.violations).toEqual([]);
    expect((g.requests[2]!.body as { message: string }).message).toMatch(/^hookwatch \S+: generated from hookwatch\.yaml$/);
  });

  it('reads GRAFANA_TOKEN, and basic auth from --user and GRAFANA_PASSWORD', async () => {
    vi.stubEnv('GRAFANA_TOKEN', 'glsa_editor');
    expect(await dashboards.run(['push', '-c', GOLDEN_CONFIG_FILE, '--grafana-url', g.url])).toBe(0);
    vi.stubEnv('GRAFANA_PASSWORD', 'pw');
    expect(await dashboards.run(['push', '-c', GOLDEN_CONFIG_FILE, '--grafana-url', g.url, '--user', 'admin'])).toBe(0);
    expect(g.requests.at(-1)!.authorization).toMatch(/^Basic /);
  });

  it('prints a one-line error and exits 1 when Grafana refuses', async () => {
    const code = await dashboards.run(['push', '-c', GOLDEN_CONFIG_FILE, '--grafana-url', g.url, '--token-file', file('bad', 'nope')]);
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^hookwatch dashboards push: Grafana GET \/api\/folders\/hookwatch → 401: /)]);
    expect(err.join('')).not.toContain('nope');
  });

  it('rejects bad usage', async () => {
    vi.stubEnv('GRAFANA_TOKEN', '');
    await expect(dashboards.run(['pull'])).rejects.toThrow(/unknown subcommand "pull"/);
    await expect(dashboards.run(['push', '-c', GOLDEN_CONFIG_FILE, '--grafana-url', g.url])).rejects.toThrow(/credentials are required/);
    await expect(dashboards.run(['push', '-c', GOLDEN_CONFIG_FILE, '--grafana-url', 'ftp://x', '--token-file', file('t', 'x')])).rejects.toThrow(/Invalid --grafana-url/);
  });
});

describe('authFrom', () => {
  it('prefers an explicit file and trims it', () => {
    expect(authFrom({ 'token-file': file('t2', '  abc \n') }, { GRAFANA_TOKEN: 'env' })).toEqual({ token: 'abc' });
    expect(authFrom({}, { GRAFANA_TOKEN: 'env' })).toEqual({ token: 'env' });
    expect(authFrom({ user: 'u', 'password-file': file('p', 'pw\n') }, {})).toEqual({ user: 'u', password: 'pw' });
  });

  it('explains what is missing or wrong', () => {
    expect(() => authFrom({ user: 'u' }, {})).toThrow(UsageError);
    expect(() => authFrom({ user: 'u', 'token-file': 'x' }, {})).toThrow(/cannot be combined/);
    expect(() => authFrom({ 'token-file': join(dir, 'missing') }, {})).toThrow(/Invalid --token-file .*Must be a readable file \(ENOENT\)/);
    expect(() => authFrom({ 'token-file': file('empty', '\n') }, {})).toThrow(/Must not be empty/);
  });
});
