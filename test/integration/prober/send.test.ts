/**
 * `hookwatch send`: one signed event, the status, timings and headers sent
 * printed, and the secret never.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verify } from '../../../signing/index.js';
import { runCli } from '../../support/process.js';
import { httpServer, json, readBody, type TestServer } from '../../support/servers.js';

const SECRET = 'topsecret-slack-signing-value';
let dir: string;
let server: TestServer;
let verified = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-send-'));
  server = await httpServer(async (req, res) => {
    const body = await readBody(req);
    const v = verify('slack', { headers: req.headers, body, secrets: [SECRET], nowSeconds: Date.now() / 1000, toleranceSeconds: 300 });
    if (v.ok) verified += 1;
    json(res, v.ok ? 200 : 401, { ok: v.ok });
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sends one signed event and prints what it sent, secrets masked', async () => {
  const file = join(dir, 'c.yaml');
  writeFileSync(file, `endpoints:\n  - name: slack-app\n    url: ${server.url}/slack/events\n    signing: { scheme: slack, secret: "\${env:SLACK_SECRET}" }\n`);
  const r = await runCli(['send', '--config', file, '--endpoint', 'slack-app'], { SLACK_SECRET: SECRET });
  expect(r.code).toBe(0);
  expect(verified).toBe(1);
  expect(r.stdout).toContain(`POST ${server.url}/slack/events`);
  expect(r.stdout).toMatch(/x-slack-signature: v0=[0-9a-f]{64}/i);
  expect(r.stdout).toMatch(/result: success\s+status: 200/);
  expect(r.stdout).toMatch(/phases: dns=[\d.]+ms connect=[\d.]+ms tls=- ttfb=[\d.]+ms transfer=[\d.]+ms/);
  expect(r.stdout + r.stderr).not.toContain(SECRET);
});

it('names the endpoints when the one asked for does not exist', async () => {
  const file = join(dir, 'c2.yaml');
  writeFileSync(file, `endpoints:\n  - name: a\n    url: ${server.url}/\n`);
  const r = await runCli(['send', '--config', file, '--endpoint', 'nope']);
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toBe('hookwatch send: Invalid --endpoint "nope". Must be one of a.');
});
