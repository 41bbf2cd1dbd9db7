import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestBatchResult } from '../../../../catalog/index.js';
import { handleIngest, type IngestOptions } from '../../../../exporter/sources/http-ingest.js';
import { BatchKeys } from '../../../../exporter/state/batch-keys.js';

let server: Server;
let url: string;
let lines: string[];
let results: IngestBatchResult[];
/** What the next commit answers; replaced by tests that hold the acknowledgement. */
let commit: () => Promise<boolean>;

beforeEach(async () => {
  lines = [];
  results = [];
  commit = () => Promise.resolve(true);
  const o: IngestOptions = {
    maxBodyBytes: 1000, maxLineBytes: 100,
    line: (text) => { lines.push(text); return text.startsWith('{'); },
    tooLong: () => undefined,
    keys: new BatchKeys({ ttlSeconds: 3600, maxEntries: 100 }, () => Date.now() / 1000),
    counted: (r) => results.push(r),
    commit: () => commit(),
  };
  server = createServer((req, res) => void handleIngest(req, res, o));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`;
});
afterEach(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

const post = (body: string, key?: string) => fetch(url, { method: 'POST', body, headers: key === undefined ? {} : { 'idempotency-key': key } });

describe('HTTP ingest with an Idempotency-Key', () => {
  it('applies a keyed batch once: the retry is answered as replayed with the first answer, not counted again', async () => {
    const first = await post('{"a":1}\nbad\n', 'batch-1');
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await first.json()).toEqual({ accepted: 1, rejected: 1 });
    const retry = await post('{"a":1}\nbad\n', 'batch-1');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual({ accepted: 1, rejected: 1, replayed: true });
    expect(lines).toEqual(['{"a":1}', 'bad']);
    expect(results).toEqual(['applied', 'replayed']);
  });

  it('applies the same key posted twice at once only once, and answers both after the checkpoint', async () => {
    let durable!: (ok: boolean) => void;
    const held = new Promise<boolean>((resolve) => { durable = resolve; });
    let arrived!: () => void;
    const bothWaiting = new Promise<void>((resolve) => { arrived = resolve; });
    let waiting = 0;
    commit = () => { if (++waiting === 2) arrived(); return held; };
    const answered: number[] = [];
    const both = Promise.all([post('{"x":1}\n', 'same'), post('{"x":1}\n', 'same')].map((p) => p.then((r) => { answered.push(r.status); return r; })));
    // Both bodies are read and both requests wait for the checkpoint.
    await bothWaiting;
    expect(lines).toEqual(['{"x":1}']);
    // No acknowledgement before the checkpoint holding the batch is durable.
    expect(answered).toEqual([]);
    durable(true);
    const [a, b] = await both;
    expect([a?.status, b?.status]).toEqual([200, 200]);
    expect([a?.headers.get('idempotent-replayed'), b?.headers.get('idempotent-replayed')].sort()).toEqual(['true', null].sort());
    expect(results.sort()).toEqual(['applied', 'replayed']);
  });

  it('answers 503 when the checkpoint cannot be written; the retry with the key succeeds without counting twice', async () => {
    commit = () => Promise.resolve(false);
    const failed = await post('{"y":1}\n', 'k');
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect((await failed.json() as { error: string }).error).toMatch(/checkpoint write failed.*retry with the same Idempotency-Key/);
    commit = () => Promise.resolve(true);
    const retry = await post('{"y":1}\n', 'k');
    expect(retry.status).toBe(200);
    expect(lines).toEqual(['{"y":1}']);
  });

  it('refuses the key reused for another body with 422, counting nothing', async () => {
    await post('{"a":1}\n', 'k');
    const other = await post('{"b":2}\n', 'k');
    expect(other.status).toBe(422);
    expect((await other.json() as { error: string }).error).toMatch(/^Idempotency-Key: already applied to a different body/);
    expect(lines).toEqual(['{"a":1}']);
  });

  it('refuses an invalid key with 400 and one line, before reading the body', async () => {
    const bad = await post('{"a":1}\n', 'has space');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^\{"error":"Idempotency-Key: expected only letters, digits[^\n]*\}\n$/);
    expect((await post('{"a":1}\n', 'x'.repeat(129))).status).toBe(400);
    expect(lines).toEqual([]);
  });

  it('without a key is at-least-once: a retry counts again, and the batch is counted as unkeyed', async () => {
    await post('{"a":1}\n');
    await post('{"a":1}\n');
    expect(lines).toEqual(['{"a":1}', '{"a":1}']);
    expect(results).toEqual(['unkeyed', 'unkeyed']);
  });
});
