/**
 * `/metrics` streamed as the prober's store renders it, over a real socket:
 * a page large enough to fill the socket's buffer (so the server waits for
 * it to drain) arrives whole, equal to the store's page followed by the
 * process metrics, and passes promtool; a client that goes away mid-page
 * stops the render without harming the next scrape; no listener is left
 * behind on the response.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHECKS } from '../../../catalog/index.js';
import { startMetricsServer, type RunningServer } from '../../../prober/index.js';
import { ProberMetrics } from '../../../prober/metrics.js';
import { promtoolCheckMetrics } from '../../support/promtool.js';

const metrics = new ProberMetrics('1.2.3', { mode: 'compact', durationBuckets: [0.25, 1, 2.5] });
for (let i = 0; i < 3000; i++) for (const check of CHECKS) metrics.initTarget(`endpoint-${i}`, check, 'eu-1');
let server: RunningServer;
const warnings: string[] = [];
const onWarning = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);

beforeAll(async () => {
  process.on('warning', onWarning);
  server = await startMetricsServer({ host: '127.0.0.1', port: 0, metrics: () => metrics.store, ready: () => true });
});
afterAll(async () => {
  process.off('warning', onWarning);
  await server?.close();
});

it('serves the whole page in pieces: the store\'s page, then the process metrics, valid for promtool', async () => {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  expect(res.headers.get('transfer-encoding')).toBe('chunked');
  const text = await res.text();
  const own = await metrics.metrics();
  expect(own.length).toBeGreaterThan(4 * 2 ** 20);
  expect(text.startsWith(own)).toBe(true);
  expect(text.slice(own.length)).toMatch(/^# HELP process_cpu_user_seconds_total /);
  expect(promtoolCheckMetrics(text)).toEqual({ ok: true, output: '' });
  expect(warnings).toEqual([]);
}, 120_000);

it('stops rendering for a client that goes away, and answers the next scrape whole', async () => {
  const { port } = new URL(server.url);
  await new Promise<void>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n'));
    socket.once('data', () => { socket.destroy(); resolve(); });
    socket.once('error', reject);
  });
  const text = await fetch(`${server.url}/metrics`).then((r) => r.text());
  expect(text.startsWith(await metrics.metrics())).toBe(true);
  expect(warnings).toEqual([]);
}, 120_000);
