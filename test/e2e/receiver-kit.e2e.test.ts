/**
 * A team's own receivers, an Express app and a Fastify app instrumented
 * with `hookwatch/receiver` and no other hookwatch code (test/e2e/receiver-apps/,
 * importing the package export), receive traffic signed by stripe-node and
 * standardwebhooks; a real Prometheus 2.42 scrapes their registries; every
 * receiver-side query of the Endpoint and Performance dashboards, as
 * dashboards/ generates them, returns data for both endpoints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARDS, METRICS } from '../../catalog/index.js';
import { dashboardQueries, substituteGrafanaMacros } from '../../dashboards/index.js';
import { configFromYaml } from '../support/config.js';
import { post, standardWebhooksRequest, stripeRequest, STRIPE_SECRET, SW_SECRET } from '../support/official-senders.js';
import { eventually } from '../support/scrape.js';
import { freePorts } from '../support/servers.js';
import { ROOT, tool } from '../support/tools.js';

const CONFIG = configFromYaml(`
endpoints:
  - { name: payments-primary, url: "https://payments.example.com/webhook" }
  - { name: orders, url: "https://orders.example.com/webhook" }
`);
const RECEIVER_FAMILIES = [METRICS.eventsProcessed.name, METRICS.processing.name, METRICS.endToEnd.name];

const children: ChildProcess[] = [];
let dir = '';
let prometheus = '';
const apps: Record<'express' | 'fastify', string> = { express: '', fastify: '' };

function start(cmd: string, args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function startApp(file: string, endpoint: string, secret: string): Promise<string> {
  const app = start(process.execPath, [join(ROOT, 'test/e2e/receiver-apps', file)], { ENDPOINT: endpoint, SECRET: secret });
  return eventually(() => {
    if (app.child.exitCode !== null) throw new Error(`${file} exited: ${app.output()}`);
    return /\{"url":"([^"]+)"\}/.exec(app.output())?.[1];
  }, 60_000);
}

async function query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const res = await fetch(`${prometheus}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = await res.json() as { status: string; error?: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data.result;
}

/** Stripe-signed events for the Express app, Standard Webhooks ones for the Fastify app, with a retry, a duplicate and a permanent failure among them. */
async function sendWave(wave: number): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < 5; i++) {
    const id = `evt_${wave}_${i}`;
    const body = JSON.stringify({ id, type: 'payment.received', created: now - 2 - i, data: {} });
    expect((await post(`${apps.express}/webhook`, stripeRequest(body))).status).toBe(200);
    if (i === 0) expect((await post(`${apps.express}/webhook`, stripeRequest(body, now + 1))).body).toMatchObject({ duplicate: true });
  }
  const flaky = `evt_${wave}_flaky`;
  expect((await post(`${apps.express}/webhook`, stripeRequest(JSON.stringify({ id: flaky, type: 'payment.flaky', attempt: 1 })))).status).toBe(500);
  expect((await post(`${apps.express}/webhook`, stripeRequest(JSON.stringify({ id: flaky, type: 'payment.flaky', attempt: 2 }), now + 1))).status).toBe(200);
  for (let i = 0; i < 5; i++) {
    const body = JSON.stringify({ type: i === 4 ? 'order.invalid' : 'order.shipped', timestamp: new Date((now - 1) * 1000).toISOString() });
    expect((await post(`${apps.fastify}/webhook`, standardWebhooksRequest(`msg_${wave}_${i}`, body))).status).toBe(i === 4 ? 422 : 200);
  }
}

describe('hookwatch/receiver in a team\'s own Express and Fastify apps, scraped by Prometheus', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookwatch-receiver-e2e-'));
    apps.express = await startApp('express-app.mjs', 'payments-primary', STRIPE_SECRET);
    apps.fastify = await startApp('fastify-app.mjs', 'orders', SW_SECRET);
    const target = (url: string) => url.replace(/^http:\/\//, '');
    writeFileSync(join(dir, 'prometheus.yml'), [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'scrape_configs:',
      `  - { job_name: payments-receiver, static_configs: [{ targets: ["${target(apps.express)}"] }] }`,
      `  - { job_name: orders-receiver, static_configs: [{ targets: ["${target(apps.fastify)}"] }] }`,
      '',
    ].join('\n'));
    const [port] = await freePorts(1);
    prometheus = `http://127.0.0.1:${port}`;
    const p = start(tool('prometheus'), [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`]);
    await eventually(async () => {
      if (p.child.exitCode !== null) throw new Error(`prometheus exited: ${p.output()}`);
      return (await fetch(`${prometheus}/-/ready`)).ok;
    }, 60_000, 250);
    // Two waves a few scrapes apart, so rate() over the dashboards' window has an increase to see.
    await sendWave(1);
    await eventually(async () => (await query(`count(${METRICS.eventsProcessed.name})`)).length > 0, 60_000, 250);
    await new Promise((r) => setTimeout(r, 3000));
    await sendWave(2);
    await eventually(async () => {
      const r = await query(`sum by (endpoint) (increase(${METRICS.eventsProcessed.name}{status="success"}[1m]))`);
      if (!(r.length === 2 && r.every((s) => Number(s.value[1]) > 0))) return false;
      // Every event of both waves scraped: 26 outcomes, 20 end-to-end observations (the counts asserted below).
      const [total] = await query(`sum(${METRICS.eventsProcessed.name})`);
      const [e2e] = await query(`sum(${METRICS.endToEnd.name}_count)`);
      return Number(total?.value[1]) === 26 && Number(e2e?.value[1]) === 20;
    }, 60_000, 250);
  }, 240_000);

  afterAll(async () => {
    for (const c of children.splice(0)) {
      if (c.exitCode === null) {
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        await exited;
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const receiverQueries = dashboardQueries(CONFIG).filter((q) =>
    [DASHBOARDS.endpoint.uid, DASHBOARDS.performance.uid].includes(q.dashboard as never) && RECEIVER_FAMILIES.some((f) => q.expr.includes(f)));

  it('finds the receiver panels in both dashboards', () => {
    const panels = new Set(receiverQueries.map((q) => `${q.dashboard}/${q.panel}`));
    expect(panels).toEqual(new Set([
      `${DASHBOARDS.endpoint.uid}/Final outcomes`,
      `${DASHBOARDS.endpoint.uid}/End-to-end, queue and processing time p95`,
      `${DASHBOARDS.performance.uid}/End-to-end latency`,
      `${DASHBOARDS.performance.uid}/Processing time`,
      `${DASHBOARDS.performance.uid}/End-to-end p95 by event type`,
    ]));
  });

  it('answers every receiver query of the Endpoint and Performance dashboards with a number', async () => {
    const empty: string[] = [];
    for (const q of receiverQueries) {
      const result = await query(substituteGrafanaMacros(q.expr));
      const values = result.map((s) => Number(s.value[1])).filter(Number.isFinite);
      if (values.length === 0) empty.push(`${q.dashboard}/${q.panel}: ${q.expr}`);
    }
    expect(empty).toEqual([]);
  });

  it('shows each app under its endpoint, with the outcomes the handlers had', async () => {
    const byStatus = await query(`sum by (endpoint, status) (${METRICS.eventsProcessed.name})`);
    const got = Object.fromEntries(byStatus.map((s) => [`${s.metric.endpoint}/${s.metric.status}`, Number(s.value[1])]));
    expect(got).toEqual({
      'payments-primary/success': 12, 'payments-primary/duplicate': 2, 'payments-primary/temporary_failure': 2, 'payments-primary/permanent_failure': 0,
      'orders/success': 8, 'orders/permanent_failure': 2, 'orders/duplicate': 0, 'orders/temporary_failure': 0,
    });
    const e2e = await query(`sum by (endpoint) (${METRICS.endToEnd.name}_count)`);
    expect(Object.fromEntries(e2e.map((s) => [s.metric.endpoint, Number(s.value[1])]))).toEqual({ 'payments-primary': 12, orders: 8 });
  });
});
