/**
 * `hookwatch maintenance start/end`, the real binary against a real
 * Alertmanager 0.25: start creates a silence on endpoint="NAME" with the
 * reason and author given, which silences that endpoint's alert and no
 * other; end (by endpoint or by id) expires it. Bad input is one line and
 * a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertmanager, type RunningAlertmanager } from '../../support/alertmanager.js';
import { eventually } from '../../support/scrape.js';
import { closedPort } from '../../support/servers.js';
import { CLI } from '../../support/tools.js';

let dir: string;
let am: RunningAlertmanager | undefined;
let base = '';
let config = '';

function hookwatch(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ApiSilence { id: string; matchers: { name: string; value: string; isRegex: boolean }[]; createdBy: string; comment: string; status: { state: string }; endsAt: string; startsAt: string }
interface ApiAlert { labels: Record<string, string>; status: { state: string; silencedBy: string[] } }

const silences = async () => (await (await fetch(`${base}/api/v2/silences`)).json()) as ApiSilence[];
const alertState = async (endpoint: string) => {
  const all = (await (await fetch(`${base}/api/v2/alerts`)).json()) as ApiAlert[];
  return all.find((a) => a.labels.endpoint === endpoint)?.status;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-maint-cli-'));
  config = join(dir, 'hookwatch.yaml');
  writeFileSync(config, 'endpoints:\n  - { name: payments, url: "https://payments.example/h" }\n  - { name: crm, url: "https://crm.example/h" }\n');
  writeFileSync(join(dir, 'am.yml'), 'route: { receiver: "null" }\nreceivers: [{ name: "null" }]\n');
  am = await startAlertmanager(join(dir, 'am.yml'));
  base = am.url;
  const alerts = ['payments', 'crm'].map((endpoint) => ({ labels: { alertname: 'WebhookEndpointDown', severity: 'critical', endpoint }, startsAt: new Date().toISOString() }));
  expect((await fetch(`${base}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) })).ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await am?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('hookwatch maintenance against Alertmanager 0.25', () => {
  it('start silences exactly the endpoint, with reason and author, for the duration; end --endpoint expires it', async () => {
    const before = Date.now();
    const r = hookwatch(['maintenance', 'start', '--config', config, '--endpoint', 'payments', '--for', '30m', '--reason', 'db upgrade', '--author', 'alice', '--alertmanager', base]);
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.stderr).toMatch(/^hookwatch maintenance: endpoint="payments" silenced until \d{4}-\d\d-\d\dT/);
    const s = (await silences()).find((x) => x.id === id)!;
    expect(s).toMatchObject({ matchers: [{ name: 'endpoint', value: 'payments', isRegex: false }], createdBy: 'alice', comment: 'db upgrade', status: { state: 'active' } });
    // Alertmanager moves a start in the past to its own now; the end is the one asked for.
    expect(Date.parse(s.endsAt)).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(Date.parse(s.endsAt)).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect(await eventually(async () => { const st = await alertState('payments'); return st?.state === 'suppressed' ? st : undefined; }, 30_000)).toMatchObject({ silencedBy: [id] });
    expect((await alertState('crm'))?.state).toBe('active');

    const end = hookwatch(['maintenance', 'end', '--config', config, '--endpoint', 'payments', '--alertmanager', base]);
    expect(end.code, end.stderr).toBe(0);
    expect(end.stdout.trim()).toBe(id);
    expect((await silences()).find((x) => x.id === id)?.status.state).toBe('expired');
    await eventually(async () => (await alertState('payments'))?.state === 'active', 30_000);
    // Nothing left to end: says so, exit 1.
    const again = hookwatch(['maintenance', 'end', '--config', config, '--endpoint', 'payments', '--alertmanager', base]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`hookwatch maintenance: no active silence for endpoint="payments" at ${base}`);
  }, 60_000);

  it('end --id expires that silence, without a config', async () => {
    const r = hookwatch(['maintenance', 'start', '--config', config, '--endpoint', 'crm', '--for', '1h', '--alertmanager', base]);
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    const s = (await silences()).find((x) => x.id === id)!;
    expect(s.comment).toBe('maintenance');
    expect(s.createdBy).not.toBe('');
    const end = hookwatch(['maintenance', 'end', '--id', id, '--alertmanager', base]);
    expect(end.code, end.stderr).toBe(0);
    expect((await silences()).find((x) => x.id === id)?.status.state).toBe('expired');
  }, 60_000);

  it('refuses bad input in one line, exit code not 0', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const cases: [string[], number, RegExp][] = [
      [['start', '--config', config, '--endpoint', 'nope', '--for', '30m', '--alertmanager', base], 2, /^hookwatch maintenance: Invalid --endpoint "nope"\. Must be one of payments, crm\.$/],
      [['start', '--config', config, '--endpoint', 'payments', '--for', '30 minutes', '--alertmanager', base], 2, /^hookwatch maintenance: Invalid --for "30 minutes"\. Must be a duration like 30m, 2h or 1h30m\.$/],
      [['start', '--config', config, '--endpoint', 'payments', '--alertmanager', base], 2, /^hookwatch maintenance: --for DURATION is required/],
      [['start', '--config', config, '--endpoint', 'payments', '--for', '30m', '--alertmanager', down], 1, /^hookwatch maintenance: cannot reach Alertmanager at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/],
      [['start', '--config', config, '--endpoint', 'payments', '--for', '30m', '--alertmanager', 'ftp://x'], 2, /^hookwatch maintenance: Invalid --alertmanager "ftp:\/\/x"\. Must be an http:\/\/ or https:\/\/ URL\.$/],
      [['end', '--id', 'not-a-silence', '--alertmanager', base], 1, /^hookwatch maintenance: Alertmanager at http:\/\/127\.0\.0\.1:\d+ answered DELETE \/silence\/not-a-silence with \d{3}: /],
      [['end', '--alertmanager', base], 2, /^hookwatch maintenance: one of --endpoint NAME or --id ID is required$/],
      [['pause'], 2, /^hookwatch maintenance: unknown action "pause" \(start or end\)$/],
      [[], 2, /^hookwatch maintenance: an action is required/],
    ];
    for (const [args, code, line] of cases) {
      const r = hookwatch(['maintenance', ...args]);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr.trim(), args.join(' ')).toMatch(line);
      expect(r.stdout).toBe('');
    }
  }, 120_000);

  it('has help, and is listed by "hookwatch help"', () => {
    const r = hookwatch(['maintenance', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: hookwatch maintenance start --endpoint NAME --for DURATION/);
    expect(hookwatch(['help', 'maintenance']).stdout).toBe(r.stdout);
    expect(hookwatch(['help']).stdout).toMatch(/^ {2}maintenance +maintenance start\/end/m);
  });
});
