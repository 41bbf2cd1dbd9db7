/**
 * The status page in real headless Chromium, served by `hookwatch up` (two
 * reference receivers, the simulator, the exporter and the prober in one
 * process): rows, states, charts and delivery figures are drawn; taking a
 * receiver down through its admin API turns its rows to "down" without a
 * reload; nothing is fetched from outside; and a screenshot is saved to
 * test-artifacts/status-page.png for people to look at.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startCli } from '../../support/process.js';
import { freePorts } from '../../support/servers.js';
import { browserSession, endpointYaml, screenshot } from './chromium.js';

/**
 * WCAG contrast ratio of every state label and small text against its
 * nearest opaque background; a string because it runs in the page (our
 * tsconfig has no DOM types).
 */
const CONTRAST = `[...document.querySelectorAll('.badge, .overall, .delivery dt, .small')].map((e) => {
  const lin = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(lin); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let bg = 'rgb(255, 255, 255)';
  for (let n = e; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
  }
  const a = lum(getComputedStyle(e).color);
  const b = lum(bg);
  return { text: e.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
})`;
const { dir, launch } = browserSession('browser');

it('shows every endpoint and check, and turns a row down when its receiver goes down', async () => {
  const [p1, p2, prober, exporter] = await freePorts(4);
  const file = join(dir, 'up.yaml');
  writeFileSync(file, `endpoints:
${endpointYaml('payments-primary', p1, '{ scheme: standard-webhooks, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }')}\
    checks: { signature_enforcement: { enabled: true } }
${endpointYaml('payments-backup', p2, '{ scheme: stripe, secret: whsec_browser_backup }')}\
prober: { schedule: "* * * * * *", listen: 127.0.0.1:${prober} }
receivers:
  - { endpoint: payments-primary, listen: 127.0.0.1:${p1}, log: logs/primary.jsonl, faults: { latency: { min_ms: 2, max_ms: 40 } } }
  - { endpoint: payments-backup, listen: 127.0.0.1:${p2}, log: logs/backup.jsonl, faults: { latency: { min_ms: 20, max_ms: 200 } } }
simulator: { rate_per_second: 5, retry: { schedule: [0s, 200ms] }, log: { path: logs/deliveries.jsonl } }
exporter:
  listen: 127.0.0.1:${exporter}
  state_dir: state
  sources:
    - { type: file, path: logs/deliveries.jsonl }
    - { type: file, path: "logs/*.jsonl" }
`);
  const up = startCli(['up', '--config', file]);
  const base = `http://127.0.0.1:${prober}`;
  await up.waitFor(new RegExp(`status page +${base}/`));

  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/`);

  // One row per endpoint and check, each with a text state.
  const rows = page.locator('section.card tbody tr');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
  const states = () => page.$$eval('section.card', (cards) => cards.map((c) => [c.getAttribute('data-endpoint'), c.getAttribute('data-state')]));
  await expect.poll(states, { timeout: 10_000 }).toEqual([['payments-primary', 'up'], ['payments-backup', 'up']]);
  await expect.poll(() => page.locator('tr[data-state="up"] .badge').first().textContent()).toContain('Up');
  await expect.poll(() => page.locator('#overall').textContent()).toMatch(/All 5 checks up/);
  // Charts drawn by uPlot, uptime figures and probe ticks.
  await expect.poll(() => page.locator('section.card .chart canvas').count(), { timeout: 10_000 }).toBe(2);
  await expect.poll(() => page.locator('tr[data-check="health"] td.hour').first().textContent()).toMatch(/^100%/);
  expect(await page.locator('tr[data-check="delivery"] .tick').first().getAttribute('aria-label')).toMatch(/status 202/);
  // Delivery figures: the exporter runs in the same process.
  await expect.poll(() => page.locator('section[data-endpoint="payments-primary"] .delivery').textContent(), { timeout: 10_000 }).toMatch(/Delivery success\d/);

  // Keyboard: the newest tick takes focus, arrows move, the tooltip follows.
  const ticks = page.locator('section[data-endpoint="payments-primary"] tr[data-check="health"] .ticks');
  await ticks.locator('.tick[tabindex="0"]').focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
  expect(await page.locator('#tip').textContent()).toMatch(/result success · status 200/);

  // Take the backup down: its rows turn down on the open page (no reload).
  const res = await fetch(`http://127.0.0.1:${p2}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"down": true}' });
  expect(res.status).toBe(200);
  await expect.poll(() => page.locator('section[data-endpoint="payments-backup"] tr[data-check="health"]').getAttribute('data-state'), { timeout: 10_000 }).toBe('down');
  await expect.poll(states, { timeout: 5_000 }).toEqual([['payments-primary', 'up'], ['payments-backup', 'down']]);
  await expect.poll(() => page.locator('section[data-endpoint="payments-backup"] .card-head .badge').textContent()).toContain('Down');
  await expect.poll(() => page.locator('#overall').textContent()).toMatch(/of 5 checks down/);
  expect(await page.locator('section[data-endpoint="payments-backup"] .tick.fail').count()).toBeGreaterThan(0);

  // Basic accessibility: state labels meet WCAG AA contrast; ticks and charts have text labels.
  const contrasts = (await page.evaluate(CONTRAST)) as { text: string; ratio: number }[];
  expect(contrasts.length).toBeGreaterThan(10);
  expect(contrasts.filter((c) => c.ratio < 4.5)).toEqual([]);
  expect(await page.locator('.tick:not([aria-label])').count()).toBe(0);
  expect(await page.locator('.chart[role="img"][aria-label*="p95"]').count()).toBe(2);

  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await screenshot(page, 'status-page.png');

  // Readable on a phone: no sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await screenshot(page, 'status-page-phone.png');

  // Everything came from the prober itself.
  expect(requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('data:'))).toEqual([]);
  expect(errors).toEqual([]);
  up.child.kill('SIGINT');
  expect(await up.exited()).toBe(0);
}, 45_000);
