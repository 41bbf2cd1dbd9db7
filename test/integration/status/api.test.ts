/**
 * The status page of the real `hookwatch probe` daemon: /api/status from
 * real probes, the page and its local assets, the event stream, and no
 * secret anywhere, even when the endpoint echoes what it was sent.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StatusModel } from '../../../status/index.js';
import { startCli, stopAll } from '../../support/process.js';
import { eventually } from '../../support/scrape.js';
import { httpServer, json, type TestServer } from '../../support/servers.js';

const SECRET = 'whsec_c3RhdHVzLXBhZ2UtaW50ZWdyYXRpb24';
const TOKEN = 'Bearer hw-status-token-5521';
const QUERY = 'query-secret-7731';
let dir: string;
let receiver: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-status-'));
  // Rejects deliveries and echoes the request headers (signature and token) in the body.
  receiver = await httpServer((req, res) => {
    if (req.url?.startsWith('/health')) return json(res, 200, { status: 'healthy' });
    json(res, 500, { error: 'boom', echo: req.headers, url: req.url });
  });
});
afterAll(async () => {
  stopAll();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the status page, its API and its event stream, without secrets', async () => {
  const file = join(dir, 'probe.yaml');
  const extra = `  - name: removed-on-reload\n    url: ${receiver.url}/health\n`;
  const yaml = (more: string) => `endpoints:
  - name: rejecting
    url: ${receiver.url}/webhook?token=${QUERY}
    health_url: ${receiver.url}/health
    headers: { Authorization: "${TOKEN}" }
    signing: { scheme: standard-webhooks, secret: ${SECRET} }
prober: { listen: 127.0.0.1:0, schedule: "* * * * * *", history_size: 30 }
grafana: { url: "http://grafana.local:3000" }
`.replace('prober:', `${more}prober:`);
  writeFileSync(file, yaml(extra));
  const d = startCli(['probe', '--config', file]);
  const url = (await d.waitFor(/msg=listening url=(\S+)/))[1]!;

  const model = await eventually(async () => {
    const m = (await (await fetch(`${url}/api/status`)).json()) as StatusModel;
    return m.endpoints[0]?.checks.every((c) => c.recent.length >= 2) ? m : undefined;
  });
  expect(model.endpoints.map((e) => e.name)).toEqual(['rejecting', 'removed-on-reload']);
  const [ep] = model.endpoints;
  expect(ep?.name).toBe('rejecting');
  expect(ep?.state).toBe('down');
  expect(ep?.checks.map((c) => [c.check, c.state])).toEqual([['delivery', 'down'], ['health', 'up']]);
  expect(ep?.checks[0]?.last).toMatchObject({ result: 'http_error', status: 500 });
  expect(ep?.checks[1]?.uptime.hour.ratio).toBe(1);
  expect(ep?.delivery).toBeNull(); // no exporter in `probe`
  expect(model.historySize).toBe(30);
  expect(model.links.grafana.length).toBeGreaterThan(0);

  const page = await fetch(`${url}/`);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  const html = await page.text();
  expect(html).toContain('id="status-data"');

  // Assets are local: uPlot is the package's own file.
  const uplot = await fetch(`${url}/assets/uplot.min.js`);
  expect(uplot.headers.get('content-type')).toMatch(/javascript/);
  const pkgFile = createRequire(import.meta.url).resolve('uplot/dist/uPlot.iife.min.js');
  expect(await uplot.text()).toBe(readFileSync(pkgFile, 'utf8'));
  for (const a of ['/assets/uplot.min.css', '/assets/status.css', '/assets/status.js']) expect((await fetch(`${url}${a}`)).status).toBe(200);
  expect((await fetch(`${url}/api/status`, { method: 'POST' })).status).toBe(405);

  // The event stream sends the status at once, then again after probes.
  const stream = await fetch(`${url}/api/events`);
  expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = stream.body!.getReader();
  let text = '';
  const events = () => [...text.matchAll(/^event: status\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as StatusModel);
  while (events().length < 2) text += new TextDecoder().decode((await reader.read()).value);
  const [first, second] = events();
  expect(second!.generatedAt).toBeGreaterThan(first!.generatedAt);
  await reader.cancel();

  const api = await (await fetch(`${url}/api/status`)).text();
  for (const s of [SECRET, TOKEN, 'hw-status-token-5521', QUERY]) {
    expect(api).not.toContain(s);
    expect(html).not.toContain(s);
    expect(text).not.toContain(s);
  }
  // A reload that removes an endpoint removes its rows (and frees its history).
  writeFileSync(file, yaml(''));
  d.child.kill('SIGHUP');
  await eventually(async () => {
    const m = (await (await fetch(`${url}/api/status`)).json()) as StatusModel;
    return m.endpoints.length === 1 && m.summary.checks === 2;
  });
  d.child.kill('SIGTERM');
  expect(await d.exited()).toBe(0);
}, 30_000);
