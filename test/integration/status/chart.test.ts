/**
 * The latency chart of a single card in real headless Chromium, at a 5 s
 * probe interval: the series is drawn as one line (no scattered dots), and
 * the time axis labels do not overlap, on a wide and on a narrow window.
 * uPlot draws on a canvas, so an init script records every plot the page
 * makes and the test reads what uPlot computed (data, gaps, axis splits).
 * Screenshots go to test-artifacts/status-chart-{wide,narrow}.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { StatusModel } from '../../../status/api-types.js';
import { startCli } from '../../support/process.js';
import { freePorts } from '../../support/servers.js';
import { browserSession, endpointYaml, screenshot } from './chromium.js';

/** Keeps every uPlot instance the page creates in `window.__plots` (runs before the page's scripts). */
const RECORD_PLOTS = `(() => {
  let wrapped;
  Object.defineProperty(window, 'uPlot', {
    configurable: true,
    get() { return wrapped; },
    set(real) {
      wrapped = class extends real { constructor(...a) { super(...a); (window.__plots ||= []).push(this); } };
    },
  });
})()`;

/**
 * What the last plot drew: points with a value, line breaks (uPlot's gaps
 * of the p50 series), and the x axis labels with their pixel positions
 * and widths in the axis font.
 */
const DRAWN = `(() => {
  const u = window.__plots.at(-1);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = u.axes[0].font[0];
  const xs = u.axes[0]._splits.map((v) => u.valToPos(v, 'x'));
  const labels = u.axes[0]._values.map((text, i) => ({ text, x: xs[i], width: ctx.measureText(text).width / devicePixelRatio }));
  return { points: u.data[1].filter((v) => v != null).length, gaps: (u.series[1]._paths && u.series[1]._paths.gaps || []).length, labels };
})()`;

interface Drawn { points: number; gaps: number; labels: { text: string; x: number; width: number }[] }

/** The smallest free space between neighbouring x labels, in CSS pixels (negative: they overlap). */
function minLabelSpace(labels: Drawn['labels']): number {
  let min = Infinity;
  for (let i = 1; i < labels.length; i++) {
    const a = labels[i - 1]!;
    const b = labels[i]!;
    min = Math.min(min, (b.x - b.width / 2) - (a.x + a.width / 2));
  }
  return min;
}

const { dir, launch } = browserSession('chart');

it('one card at a 5 s interval: a line, and time labels that do not overlap', async () => {
  const [port, prober, exporter] = await freePorts(3);
  const file = join(dir, 'one.yaml');
  writeFileSync(file, `endpoints:
${endpointYaml('payments-only', port, '{ scheme: standard-webhooks, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }')}\
prober: { interval: 5s, listen: 127.0.0.1:${prober} }
exporter: { listen: 127.0.0.1:${exporter}, state_dir: state }
receivers:
  - { endpoint: payments-only, listen: 127.0.0.1:${port}, log: logs/only.jsonl, faults: { latency: { min_ms: 5, max_ms: 60 } } }
`);
  const up = startCli(['up', '--config', file]);
  const base = `http://127.0.0.1:${prober}`;
  await up.waitFor(new RegExp(`status page +${base}/`));

  // Four rounds of probes (0, 5, 10, 15 s): the model's buckets have no hole between them.
  const model = async (): Promise<StatusModel> => (await (await fetch(`${base}/api/status`)).json()) as StatusModel;
  const measured = async (): Promise<number> => (await model()).endpoints[0]!.latency.p50.filter((v) => v != null).length;
  await expect.poll(measured, { timeout: 25_000, interval: 500 }).toBeGreaterThanOrEqual(4);
  const lat = (await model()).endpoints[0]!.latency;
  expect(lat.bucketSeconds).toBeGreaterThanOrEqual(5);

  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(RECORD_PLOTS);
  await page.goto(`${base}/`);
  await expect.poll(() => page.locator('section.card .chart canvas').count(), { timeout: 10_000 }).toBe(1);

  const drawn = async (): Promise<Drawn> => (await page.evaluate(DRAWN)) as Drawn;
  const wide = await drawn();
  expect(wide.points).toBeGreaterThanOrEqual(4);
  expect(wide.gaps).toBe(0);
  expect(wide.labels.length).toBeGreaterThan(1);
  expect(minLabelSpace(wide.labels)).toBeGreaterThanOrEqual(8);
  await page.mouse.move(0, 0);
  await screenshot(page, 'status-chart-wide.png');

  // A narrow window: the chart shrinks, the labels thin out.
  await page.setViewportSize({ width: 560, height: 900 });
  await expect.poll(async () => (await drawn()).labels.length > 0 && minLabelSpace((await drawn()).labels), { timeout: 5_000 }).toBeGreaterThanOrEqual(8);
  await screenshot(page, 'status-chart-narrow.png');

  expect(errors).toEqual([]);
  up.child.kill('SIGINT');
  expect(await up.exited()).toBe(0);
}, 60_000);
