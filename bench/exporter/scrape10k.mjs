/**
 * `/metrics` with 10,000 series: a log whose records produce exactly
 * 10,000 domain series (1,000 endpoints × status classes, failures,
 * events, last delivery), served by the real daemon. Timed twice: idle
 * (nothing new, the durable snapshot is served) and busy (a line arrives
 * before each scrape, so the GET includes render + checkpoint write +
 * fsync + rename); the in-process render time is reported too.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { METRICS } from '../../dist/catalog/index.js';
import { Engine, renderExposition } from '../../dist/exporter/index.js';

const STATUSES = [200, 301, 404, 503, null];

function logLines() {
  const lines = [];
  for (let i = 0; i < 5000; i++) {
    const status = STATUSES[Math.floor(i / 1000)];
    lines.push(JSON.stringify({ ts: '2026-11-01T00:00:00Z', event_id: `e${i}`, event_type: 't', endpoint: `ep-${String(i % 1000).padStart(4, '0')}`, status, outcome: status === 200 ? 'delivered' : 'retrying' }));
  }
  return lines;
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export async function scrape10k(dir, cli) {
  const lines = logLines();
  writeFileSync(join(dir, 'series.jsonl'), lines.map((l) => `${l}\n`).join(''));
  const cfg = join(dir, 'series.yaml');
  writeFileSync(cfg, 'endpoints: [{ name: unused, url: "https://unused.example/h" }]\nexporter:\n  listen: 127.0.0.1:0\n  state_dir: ./series-state\n  label_limit: 5000\n  poll_interval: 20ms\n  sources: [{ type: file, path: ./series.jsonl, name: series }]\n');

  // In-process render of the same state.
  const engine = new Engine({ endpoints: [], labelLimit: 5000 });
  const sink = engine.sink('series', { format: 'hookwatch' });
  for (const l of lines) sink.line(l, l.length + 1);
  const render = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    renderExposition(engine.agg);
    render.push(performance.now() - t);
  }

  const child = spawn(process.execPath, [cli, 'export', '--config', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    let url;
    for (let i = 0; i < 200 && !url; i++) { url = /msg=listening url=(\S+)/.exec(err)?.[1]; await sleep(50); }
    if (!url) throw new Error(`daemon did not start:\n${err}`);
    let text = '';
    const want = `${METRICS.exporterLinesRead.name}{source="series"} 5000`;
    for (let i = 0; i < 200 && !text.includes(want); i++) { text = await (await fetch(`${url}/metrics`)).text(); await sleep(50); }
    const self = new Set(Object.entries(METRICS).filter(([k]) => k.startsWith('exporter') || k === 'buildInfo' || k === 'configReloads').map(([, d]) => d.name));
    const domain = text.split('\n').filter((l) => l && !l.startsWith('#') && !self.has(l.split(/[{ ]/)[0])).length;
    const total = text.split('\n').filter((l) => l && !l.startsWith('#')).length;
    // Idle: nothing new since the last checkpoint, the durable snapshot is served as is.
    const idle = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await (await fetch(`${url}/metrics`)).text();
      idle.push(performance.now() - t);
    }
    // Busy: a new line before every scrape, so each GET renders, writes and fsyncs a checkpoint.
    const busy = [];
    for (let i = 0; i < 30; i++) {
      appendFileSync(join(dir, 'series.jsonl'), `${lines[0]}\n`);
      await sleep(80);
      const t = performance.now();
      await (await fetch(`${url}/metrics`)).text();
      busy.push(performance.now() - t);
    }
    return { domainSeries: domain, totalSeries: total, bytes: Buffer.byteLength(text), idleMedian: pct(idle, 0.5), idleP95: pct(idle, 0.95), busyMedian: pct(busy, 0.5), busyP95: pct(busy, 0.95), renderMedian: pct(render, 0.5) };
  } finally {
    child.kill('SIGKILL');
  }
}
