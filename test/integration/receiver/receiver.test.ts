/**
 * The reference receiver over real HTTP: verification, replay protection,
 * idempotency (also across a restart), retries, DLQ and replay, health,
 * fault injection at run time, and request ids carried into the logs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../config/index.js';
import { createLogger } from '../../../daemon/index.js';
import { MemoryLogWriter, Receiver } from '../../../receiver/index.js';
import { forgeHeaders, signHeaders } from '../../../signing/index.js';
import { configFromYaml } from '../../support/config.js';
import { ReceiverPool } from '../../support/receivers.js';
import { eventually } from '../../support/scrape.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let dir: string;
const pool = new ReceiverPool();
let logs: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-recv-'));
  logs = [];
});
afterEach(async () => {
  await pool.stopAll();
  rmSync(dir, { recursive: true, force: true });
});

function config(receiverExtra = ''): Config {
  return configFromYaml(`endpoints:
  - name: primary
    url: http://127.0.0.1:1/webhook
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
receivers:
  - endpoint: primary
    listen: 127.0.0.1:0
${receiverExtra}`);
}

async function start(c: Config, writer = new MemoryLogWriter()): Promise<{ r: Receiver; url: string; writer: MemoryLogWriter }> {
  const r = new Receiver(c.receivers[0]!, { writer, log: createLogger({ write: (l) => void logs.push(l) }) });
  const s = await pool.start(r);
  return { r, url: s.url, writer };
}

function signed(id: string, type = 'payment.received', timestamp = Math.floor(Date.now() / 1000), body = JSON.stringify({ id, type, data: {} })) {
  return { body, headers: { 'content-type': 'application/json', ...signHeaders('standard-webhooks', { id, timestamp, body, secrets: [SECRET] }) } };
}

const post = (url: string, req: { body: string; headers: Record<string, string> }, extra: Record<string, string> = {}) =>
  fetch(`${url}/webhook`, { method: 'POST', body: req.body, headers: { ...req.headers, ...extra } });

describe('verification', () => {
  it('accepts a signed event with 202 and processes it', async () => {
    const { url, writer } = await start(config());
    const res = await post(url, signed('evt_1'));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true, id: 'evt_1' });
    await eventually(() => writer.records.find((r) => r.kind === 'processed' && r.status === 'success'));
  });

  it('rejects a forged signature, a stale timestamp and a replayed request', async () => {
    const { url } = await start(config());
    const body = JSON.stringify({ id: 'evt_f', type: 't' });
    const forged = await post(url, { body, headers: forgeHeaders('standard-webhooks', { id: 'evt_f', timestamp: Math.floor(Date.now() / 1000), body, secrets: [SECRET] }) });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: 'signature mismatch' });
    const stale = await post(url, signed('evt_s', 't', Math.floor(Date.now() / 1000) - 301));
    expect(stale.status).toBe(401);
    expect(await stale.json()).toEqual({ error: 'signature stale' });
    const req = signed('evt_r');
    expect((await post(url, req)).status).toBe(202);
    const replay = await post(url, req);
    expect(replay.status).toBe(409);
  });

  it('skips a redelivery (same id, new signature) as a duplicate', async () => {
    const { url, writer } = await start(config());
    expect((await post(url, signed('evt_d', 't', Math.floor(Date.now() / 1000) - 5))).status).toBe(202);
    const again = await post(url, signed('evt_d'));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true, id: 'evt_d' });
    expect(writer.records.filter((r) => r.status === 'duplicate')).toHaveLength(1);
  });

  it('keeps idempotency across a restart with the file store', async () => {
    const store = join(dir, 'ids.jsonl');
    const c = config(`    idempotency: { store: file, path: ${store} }\n`);
    const first = await start(c);
    expect((await post(first.url, signed('evt_p', 't', Math.floor(Date.now() / 1000) - 5))).status).toBe(202);
    await pool.stopLast();
    const second = await start(c);
    const again = await post(second.url, signed('evt_p'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(readFileSync(store, 'utf8')).toContain('evt_p');
  });
});

describe('processing failures', () => {
  it('retries temporary failures with backoff, then dead-letters; replay processes it again', async () => {
    const { url, r, writer } = await start(config('    processing: { max_attempts: 3, backoff: 20ms }\n    faults: { processing_failure_ratio: 1 }\n'));
    expect((await post(url, signed('evt_t'))).status).toBe(202);
    await eventually(() => r.dlq.size === 1);
    const attempts = writer.records.filter((x) => x.kind === 'processed' && x.event_id === 'evt_t');
    expect(attempts.map((x) => [x.status, x.attempt])).toEqual([['temporary_failure', 1], ['temporary_failure', 2], ['temporary_failure', 3]]);
    expect(writer.records.filter((x) => x.kind === 'dlq')).toHaveLength(1);
    const dlq = await (await fetch(`${url}/dlq`)).json() as { size: number; events: { id: string; attempts: number }[] };
    expect(dlq).toMatchObject({ size: 1, events: [{ id: 'evt_t', attempts: 3 }] });

    await fetch(`${url}/admin/faults`, { method: 'PUT', body: JSON.stringify({ processing_failure_ratio: 0 }) });
    const replay = await (await fetch(`${url}/dlq/replay`, { method: 'POST' })).json();
    expect(replay).toEqual({ replayed: 1, ids: ['evt_t'] });
    await eventually(() => writer.records.find((x) => x.kind === 'processed' && x.event_id === 'evt_t' && x.status === 'success'));
    expect(writer.records.filter((x) => x.kind === 'dlq_replay')).toHaveLength(1);
    expect(r.dlq.size).toBe(0);
  });

  it('replays the DLQ on dlq_replay_interval once processing recovers', async () => {
    const { url, r, writer } = await start(config('    processing: { dlq_replay_interval: 200ms }\n    faults: { permanent_failure_ratio: 1 }\n'));
    await post(url, signed('evt_auto'));
    await eventually(() => r.dlq.size === 1);
    r.faults.update({ permanentFailureRatio: 0 });
    await eventually(() => writer.records.find((x) => x.kind === 'processed' && x.event_id === 'evt_auto' && x.status === 'success'));
    expect(writer.records.filter((x) => x.kind === 'dlq_replay').length).toBeGreaterThanOrEqual(1);
    expect(r.dlq.size).toBe(0);
  });

  it('dead-letters permanent failures at once', async () => {
    const { url, r, writer } = await start(config('    faults: { permanent_failure_ratio: 1 }\n'));
    await post(url, signed('evt_perm'));
    await eventually(() => r.dlq.size === 1);
    expect(writer.records.filter((x) => x.kind === 'processed').map((x) => x.status)).toEqual(['permanent_failure']);
  });

  it('fans an event out to every handler of its type and of "*"', async () => {
    const c = config('    handlers: { payment.received: [ledger, mail], "*": [audit] }\n');
    const calls: string[] = [];
    const handler = (name: string) => async () => { calls.push(name); };
    const r = new Receiver(c.receivers[0]!, { writer: new MemoryLogWriter(), handlers: { ledger: handler('ledger'), mail: handler('mail'), audit: handler('audit') } });
    const s = await pool.start(r);
    await post(s.url, signed('evt_fan'));
    await post(s.url, signed('evt_other', 'refund.issued'));
    await eventually(() => calls.length === 4);
    expect(calls.sort()).toEqual(['audit', 'audit', 'ledger', 'mail']);
  });
});

describe('health', () => {
  it('reports queue, DLQ and store state; 503 when the queue is full', async () => {
    const c = config('    processing: { concurrency: 1, queue_limit: 1 }\n');
    let release!: () => void;
    const blocked = new Promise<void>((ok) => (release = ok));
    const r = new Receiver(c.receivers[0]!, { writer: new MemoryLogWriter(), handlers: { default: () => blocked } });
    const s = await pool.start(r);
    const ok = await fetch(`${s.url}/webhook-health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'healthy', details: { queue: { depth: 0, limit: 1, in_flight: 0 }, dlq: { size: 0 }, idempotency_store: { kind: 'memory', writable: true, size: 0 }, faults: { down: false } } });
    expect((await post(s.url, signed('evt_block'))).status).toBe(202);
    const full = await post(s.url, signed('evt_full'));
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('5');
    const bad = await fetch(`${s.url}/webhook-health`);
    expect(bad.status).toBe(503);
    expect(await bad.json()).toMatchObject({ status: 'unhealthy', details: { queue: { depth: 1, limit: 1 } } });
    release();
  });
});

describe('fault injection at run time', () => {
  it('turns errors, rate limits and outages on and off', async () => {
    const { url } = await start(config());
    const put = (patch: object) => fetch(`${url}/admin/faults`, { method: 'PUT', body: JSON.stringify(patch) });
    expect((await put({ error_ratio: 1, error_status: 500 })).status).toBe(200);
    expect((await post(url, signed('evt_e1'))).status).toBe(500);
    await put({ error_ratio: 0, rate_limit: { limit: 1, window: '10s' } });
    const first = await post(url, signed('evt_rl1'));
    expect(first.status).toBe(202);
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    const limited = await post(url, signed('evt_rl2'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-limit')).toBe('1');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await put({ down: true });
    await expect(post(url, signed('evt_down'))).rejects.toThrow();
    expect((await put({ down: false, rate_limit: null })).status).toBe(200);
    expect((await post(url, signed('evt_back'))).status).toBe(202);
    const bad = await put({ error_ratio: 2 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'error_ratio: Too big: expected number to be <=1' });
  });

  it('rejects every signature when asked to, like a rotated secret', async () => {
    const { url } = await start(config('    faults: { reject_signatures: true }\n'));
    expect((await post(url, signed('evt_rs'))).status).toBe(401);
  });
});

describe('request ids', () => {
  it('takes X-Request-ID from the request, or creates one, and carries it into logs and records', async () => {
    const { url, writer } = await start(config('    faults: { permanent_failure_ratio: 1 }\n'));
    const res = await post(url, signed('evt_rid'), { 'x-request-id': 'req_from_sender' });
    expect(res.headers.get('x-request-id')).toBe('req_from_sender');
    await eventually(() => writer.records.find((x) => x.kind === 'dlq'));
    expect(writer.records.every((x) => x.request_id === 'req_from_sender')).toBe(true);
    expect(logs.some((l) => /endpoint=primary request_id=req_from_sender msg="moved to dlq" event_id=evt_rid /.test(l))).toBe(true);
    const made = await post(url, signed('evt_rid2'));
    expect(made.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
  });
});
