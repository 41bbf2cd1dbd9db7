/**
 * The daemon's runtime is loud about what it cannot count: a missing file
 * is logged once (and its arrival), a bad line with its file, line number
 * and reason; and the attempt numbering of Svix logs survives a restart.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { createLogger } from '../../../../daemon/index.js';
import { Engine } from '../../../../exporter/counting/engine.js';
import { readStream } from '../../../../exporter/sources/stdin.js';
import { CHECKPOINT_FILE } from '../../../../exporter/state/checkpoint.js';
import { ExporterRuntime } from '../../../../exporter/run/runtime.js';
import type { ExporterSettings } from '../../../../exporter/run/settings.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-loud-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = (format: 'hookwatch' | 'svix' = 'hookwatch'): ExporterSettings => ({
  endpoints: [{ name: 'ep', url: 'https://hooks.example.com/svix' }], labelLimit: 10, maxLineBytes: 10_000, stateDir: join(dir, 'state'),
  pollSeconds: 0.05, checkpointSeconds: 1, listen: { host: '127.0.0.1', port: 0, text: '127.0.0.1:0' },
  sources: [{ type: 'file', path: join(dir, 'log.jsonl'), written: 'log.jsonl', format, name: 'main' }],
});
const good = `${JSON.stringify({ ts: '2026-11-28T10:00:00Z', event_id: 'e', event_type: 't', endpoint: 'ep', status: 200 })}\n`;

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger({ format: 'json', write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) }) };
}

describe('a loud exporter runtime', () => {
  it('logs "waiting for file" once for a missing path, and "file appeared" when it does', async () => {
    const { lines, log } = capture();
    const rt = await ExporterRuntime.open(settings(), { version: 't', log });
    await rt.pollFiles();
    await rt.pollFiles();
    writeFileSync(join(dir, 'log.jsonl'), good);
    await rt.pollFiles();
    await rt.close();
    expect(lines.map((l) => [l.level, l.msg, l.source, l.path])).toEqual([
      ['warn', 'waiting for file', 'main', join(dir, 'log.jsonl')],
      ['info', 'file appeared', 'main', join(dir, 'log.jsonl')],
    ]);
  });

  it('logs each bad line with its file, line number and reason, counting on across a restart', async () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, `${good}{"ts":\n${good}[1]\n`);
    const a = capture();
    const rt = await ExporterRuntime.open(settings(), { version: 't', log: a.log });
    await rt.pollFiles();
    await rt.close();
    appendFileSync(log, `${good}{"event_id":"x"}\n`);
    const b = capture();
    const again = await ExporterRuntime.open(settings(), { version: 't', log: b.log });
    await again.pollFiles();
    await again.close();
    const bad = (l: Record<string, unknown>[]) => l.filter((x) => x.msg === 'skipped a bad line').map((x) => [x.file, x.line, x.reason]);
    expect(bad(a.lines)).toEqual([[log, 2, 'invalid_json'], [log, 4, 'not_object']]);
    expect(bad(b.lines)).toEqual([[log, 6, 'missing_field']]);
  });

  it('keeps numbering Svix attempts after a restart, and loads a checkpoint written before attempts were kept', async () => {
    const attempt = (status: number, code: number) => `${JSON.stringify({
      id: `atmpt_${code}_${Math.random()}`, msgId: 'msg_2Yb8YwQ7vJ3kLp0aZ4nTx6eRu', endpointId: 'ep_2Yb8XrT5mN9hGc1wE8kVq0fJd',
      url: 'https://hooks.example.com/svix', response: '', responseStatusCode: code, responseDurationMs: 80, status, triggerType: 0,
      timestamp: '2026-11-28T10:00:00.512Z', msg: { eventType: 'invoice.paid' },
    })}\n`;
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, attempt(2, 503) + attempt(2, 503));
    const a = await ExporterRuntime.open(settings('svix'), { version: 't' });
    await a.pollFiles();
    await a.close();
    appendFileSync(log, attempt(0, 200));
    const b = await ExporterRuntime.open(settings('svix'), { version: 't' });
    await b.pollFiles();
    await b.close();
    const retries = (attempt: string) => b.engine.agg.get('deliveryRetries', { endpoint: 'ep', event_type: 'invoice.paid', attempt });
    expect([retries('2'), retries('3')]).toEqual([1, 1]);

    // An older checkpoint has no `attempts`: it loads, numbering starts afresh.
    const path = join(dir, 'state', CHECKPOINT_FILE);
    const { attempts: _gone, ...old } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify(old));
    appendFileSync(log, attempt(2, 503));
    const c = await ExporterRuntime.open(settings('svix'), { version: 't' });
    await c.pollFiles();
    await c.close();
    expect(c.engine.agg.get('deliveries', { endpoint: 'ep', event_type: 'invoice.paid', status_class: '5xx' })).toBe(3);
  });

  it('numbers the bad lines of a stdin stream too', async () => {
    const seen: unknown[] = [];
    const engine = new Engine({ endpoints: [], labelLimit: 10, badLine: (source, reason, at) => seen.push([source, reason, at]) });
    await readStream(Readable.from([Buffer.from(`${good}nope\n`), Buffer.from(`${good}{"ts":1}`)]), engine.sink('pipe', { format: 'hookwatch' }), 1000);
    expect(seen).toEqual([
      ['pipe', 'invalid_json', { file: 'stdin', line: 2, offset: good.length }],
      ['pipe', 'missing_field', { file: 'stdin', line: 4, offset: 2 * good.length + 5 }],
    ]);
  });
});
