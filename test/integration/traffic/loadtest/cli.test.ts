/**
 * The real `hookwatch loadtest` binary: refusals are one line and exit 2,
 * a run prints the summary table or JSON on stdout and exits 0.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LoadtestSummary } from '../../../../traffic/loadtest/index.js';
import { runCli, stopAll } from '../../../support/process.js';
import { httpServer, json, readBody, type TestServer } from '../../../support/servers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const CANARY = 'canary7f3e';
let server: TestServer;
let dir: string;
let configFile: string;
let hits = 0;

beforeAll(async () => {
  server = await httpServer(async (req, res) => {
    await readBody(req);
    hits++;
    json(res, hits % 2 === 0 ? 503 : 202, {});
  });
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-loadtest-'));
  configFile = join(dir, 'hookwatch.yaml');
  // 192.0.2.0/24 is TEST-NET-1: never routed, and never contacted here.
  writeFileSync(configFile, `endpoints:
  - name: local
    url: ${server.url}/webhook
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
  - name: remote
    url: http://192.0.2.10/webhook
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
  - name: tokened
    url: http://user:${CANARY}@127.0.0.1:${new URL(server.url).port}/webhook?token=${CANARY}
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
`);
});

afterAll(async () => {
  // Not afterEach: the concurrent refusals would kill each other's processes.
  stopAll();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => (hits = 0));

const loadtest = (...args: string[]) => runCli(['loadtest', '--config', configFile, ...args]);

describe('hookwatch loadtest refuses', () => {
  // Concurrent: each case is a process start (~0.9s CPU: main.ts loads every
  // command), and none sends anything. Concurrency limits are unit-tested.
  it.concurrent.for<[string, string[], RegExp]>([
    ['a non-loopback endpoint', ['--endpoint', 'remote', '--rate', '10', '--duration', '1s'], /refusing to load-test 192\.0\.2\.10: not a loopback address.*--allow-remote/],
    ['a rate over 2000/s', ['--endpoint', 'local', '--rate', '2001', '--duration', '1s'], /Invalid --rate "2001"\. Must be .* at most 2000 per second/],
    ['a duration over 10m', ['--endpoint', 'local', '--rate', '10', '--duration', '10m1s'], /Invalid --duration .* at most 10m/],
    ['a duration without a unit', ['--endpoint', 'local', '--rate', '10', '--duration', '30'], /Invalid --duration "30"\. Must be a duration like 30s/],
    ['a missing rate', ['--endpoint', 'local', '--duration', '1s'], /--rate R is required/],
    ['a missing duration', ['--endpoint', 'local', '--rate', '10'], /--duration D is required/],
    ['an unknown endpoint', ['--endpoint', 'nope', '--rate', '10', '--duration', '1s'], /Invalid --endpoint "nope"\. Must be one of local, remote, tokened\./],
  ])('%s: one line, exit 2, nothing sent', async ([, args, message], { expect }) => {
    const r = await loadtest(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hookwatch loadtest: /);
    expect(lines[0]).toMatch(message);
    expect(hits).toBe(0);
  });
});

describe('hookwatch loadtest runs', () => {
  it('prints the summary table on stdout and plain progress lines on a non-terminal stderr', async () => {
    const r = await loadtest('--endpoint', 'local', '--rate', '20', '--duration', '500ms');
    expect(r.code).toBe(0);
    expect(hits).toBe(10);
    expect(r.stdout).toMatch(/^metric +value +note\n/);
    expect(r.stdout).toMatch(/^sent +10\b/m);
    expect(r.stdout).toMatch(/^dropped +0\b/m);
    expect(r.stdout).toMatch(/^status 202 +5\b/m);
    expect(r.stdout).toMatch(/^status 503 +5\b/m);
    for (const p of ['p50', 'p95', 'p99', 'max']) expect(r.stdout).toMatch(new RegExp(`^latency ${p} +\\d+\\.\\dms`, 'm'));
    expect(r.stdout).toMatch(/^achieved rate +\d+\.\d\/s +target 20\/s$/m);
    expect(r.stderr).toMatch(/^loadtest: 20\/s to local \(http:\/\/127\.0\.0\.1:\d+\/webhook\) for 500ms, concurrency 64/);
    expect(r.stderr).toMatch(/^loadtest: sent 10\/10 {2}in-flight 0 {2}dropped 0 {2}failed 5 /m);
    expect(r.stderr).not.toMatch(/\r|\x1b/);
  });

  it('prints the same summary as JSON with --json', async () => {
    // Eight slots, so a response stalled by a busy machine (20/s is one send
    // every 50 ms) does not drop a planned send; the drop path has its own test.
    const r = await loadtest('--endpoint', 'local', '--rate', '20', '--duration', '500ms', '--concurrency', '8', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as LoadtestSummary;
    expect(s).toMatchObject({ endpoint: 'local', planned: 10, sent: 10, dropped: 0, concurrency: 8, statusCodes: { 202: 5, 503: 5 }, errors: {}, aborted: false });
    expect(Object.keys(s.latencySeconds!)).toEqual(['count', 'p50', 'p95', 'p99', 'max']);
    expect(s.achievedRatePerSecond).toBeGreaterThan(15);
  });

  it('masks URL credentials and query values in what it prints, table and JSON', async () => {
    const table = await loadtest('--endpoint', 'tokened', '--rate', '20', '--duration', '200ms');
    const json = await loadtest('--endpoint', 'tokened', '--rate', '20', '--duration', '200ms', '--json');
    for (const r of [table, json]) {
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(CANARY);
    }
    expect(table.stderr).toMatch(/\(http:\/\/\*\*\*@127\.0\.0\.1:\d+\/webhook\?token=\*\*\*\)/);
    expect((JSON.parse(json.stdout) as LoadtestSummary).url).toMatch(/^http:\/\/\*\*\*@127\.0\.0\.1:\d+\/webhook\?token=\*\*\*$/);
  });
});
