/**
 * Maintenance on the status page of the real `hookwatch probe` daemon: a
 * one-off window that began 20 minutes ago holds one endpoint. /api/status
 * says so with the window's end and how much of the uptime windows it
 * took, uptime still counts every probe, `webhook_maintenance` is 1 for
 * that endpoint only, and headless Chromium shows "In maintenance until …"
 * on its card and nowhere else.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StatusModel } from '../../../status/index.js';
import { startCli } from '../../support/process.js';
import { eventually } from '../../support/scrape.js';
import { httpServer, json, type TestServer } from '../../support/servers.js';
import { browserSession, screenshot } from './chromium.js';

const { dir, launch } = browserSession('maintenance');
let receiver: TestServer;
beforeAll(async () => { receiver = await httpServer((_req, res) => json(res, 200, { ok: true })); });
afterAll(async () => { await receiver.close(); });

it('shows "In maintenance" with the window\'s end, counts uptime as usual and says how much was maintenance', async () => {
  const minute = 60_000;
  const start = Math.floor(Date.now() / minute) * minute - 20 * minute;
  const end = start + 60 * minute;
  const file = join(dir, 'probe.yaml');
  writeFileSync(file, `endpoints:
  - { name: in-window, url: "${receiver.url}/a" }
  - { name: outside, url: "${receiver.url}/b" }
prober: { listen: 127.0.0.1:0, schedule: "* * * * * *" }
maintenance:
  - { name: db-migration, endpoints: [in-window], start: "${new Date(start).toISOString()}", end: "${new Date(end).toISOString()}" }
`);
  const d = startCli(['probe', '--config', file]);
  const url = (await d.waitFor(/msg=listening url=(\S+)/, 60_000))[1]!;

  const model = await eventually(async () => {
    const m = (await (await fetch(`${url}/api/status`)).json()) as StatusModel;
    return m.endpoints.every((e) => e.checks[0]!.recent.length >= 2) ? m : undefined;
  });
  const [inWindow, outside] = model.endpoints;
  expect(inWindow!.maintenance!.active).toEqual({ windows: ['db-migration'], until: end / 1000 });
  const elapsed = model.generatedAt - start / 1000;
  expect(inWindow!.maintenance!.daySeconds).toBeCloseTo(elapsed, 3);
  expect(inWindow!.maintenance!.hourSeconds).toBeCloseTo(elapsed, 3);
  expect(outside!.maintenance).toBeNull();
  // Uptime is unchanged: every probe counts, in maintenance or not.
  expect(inWindow!.checks[0]!.uptime.hour).toMatchObject({ ratio: 1 });
  expect(inWindow!.checks[0]!.uptime.hour.probes).toBeGreaterThanOrEqual(2);
  expect(inWindow!.state).toBe('up');

  const metrics = await (await fetch(`${url}/metrics`)).text();
  expect(metrics).toContain('webhook_maintenance{endpoint="in-window"} 1');
  expect(metrics).toContain('webhook_maintenance{endpoint="outside"} 0');

  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/`);
  const card = (name: string) => page.locator(`section.card[data-endpoint="${name}"]`);
  const endClock = await page.evaluate((t) => new Date(t).toLocaleTimeString([], { hour12: false }), end);
  await expect.poll(() => card('in-window').locator('.maintenance-badge').textContent(), { timeout: 15_000 }).toBe(`In maintenance until ${endClock}`);
  expect(await card('in-window').locator('.maintenance-badge').isVisible()).toBe(true);
  expect(await card('in-window').locator('.maintenance-note').textContent()).toMatch(/^Maintenance: 2[01] min of the last 24 h \(1\.\d\d%\), 2[01] min of the last hour \(3\d(\.\d\d)?%\)\. Uptime counts every probe/);
  expect(await card('outside').locator('.maintenance-badge').isVisible()).toBe(false);
  expect(await card('outside').locator('.maintenance-note').isVisible()).toBe(false);
  // The probes' own state is still drawn next to it.
  await expect.poll(() => card('in-window').getAttribute('data-state')).toBe('up');
  await screenshot(page, 'status-maintenance.png');
  expect(errors).toEqual([]);
}, 120_000);
