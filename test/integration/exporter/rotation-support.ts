/**
 * Helpers for the rotation regression tests: a config with one file
 * source, the real daemon started and SIGKILLed, and its counters read
 * from `/metrics` (which serves only checkpointed state).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRICS } from '../../../catalog/index.js';
import { startCli, type Daemon } from '../../support/process.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { sample, scrape } from '../../support/scrape.js';

export const SOURCE = 'logs';

/** Writes a config whose only source is `path` (relative to `dir`), returns its path. */
export function writeConfig(dir: string, path: string, pollInterval = '20ms'): string {
  const cfg = join(dir, 'hookwatch.yaml');
  writeFileSync(cfg, [
    'endpoints:',
    '  - { name: primary, url: "https://primary.example.com/webhook" }',
    'exporter:',
    '  listen: 127.0.0.1:0',
    '  state_dir: ./state',
    '  checkpoint_interval: 100ms',
    `  poll_interval: ${pollInterval}`,
    `  sources: [{ type: file, path: "${path}", name: ${SOURCE} }]`,
  ].join('\n'));
  return cfg;
}

let next = 0;
/** `n` distinct valid delivery records, newline-terminated. */
export function records(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const k = next++;
    out += `${JSON.stringify({ ts: '2026-11-28T10:00:00Z', event_id: `e${k}`, event_type: 't', endpoint: 'primary', status: 200, duration_ms: k % 500 })}\n`;
  }
  return out;
}

export function append(path: string, n: number): void {
  appendFileSync(path, records(n));
}

export interface Running {
  readonly d: Daemon;
  readonly url: string;
}

export async function start(cfg: string): Promise<Running> {
  const d = startCli(['export', '--config', cfg]);
  const url = (await d.waitFor(/msg=listening url=(http:\/\/\S+)/))[1] as string;
  return { d, url };
}

export async function kill9(r: Running): Promise<void> {
  r.d.child.kill('SIGKILL');
  await r.d.exited();
}

/** A self-metric of the source: lines read, or parse errors of one reason. */
export async function counter(url: string, what: 'lines' | 'invalid_json' | 'truncations'): Promise<number> {
  const text = await scrape(`${url}/metrics`);
  const v = what === 'lines' ? sample(text, METRICS.exporterLinesRead.name, { source: SOURCE })
    : what === 'truncations' ? sample(text, METRICS.exporterTruncations.name, { source: SOURCE })
      : sample(text, METRICS.exporterParseErrors.name, { source: SOURCE, reason: 'invalid_json' });
  return v ?? 0;
}

/**
 * Waits until the source has counted at least `n` lines; returns the count
 * (the last one seen after 15 s without getting there, so a test shows the
 * figure it got rather than a timeout).
 */
export async function linesAtLeast(url: string, n: number): Promise<number> {
  let v = 0;
  for (const end = Date.now() + 15_000; Date.now() < end; await sleep(50)) {
    v = await counter(url, 'lines');
    if (v >= n) break;
  }
  return v;
}

/**
 * The settled line count once at least `n` were read: one more line is
 * appended to `live` and waited for, so every file was polled again after
 * the first `n` (a double count shows up as more than `n + 1`). Returns
 * the count without that extra line.
 */
export async function settledLines(url: string, live: string, n: number): Promise<number> {
  await linesAtLeast(url, n);
  append(live, 1);
  return (await linesAtLeast(url, n + 1)) - 1;
}
