/**
 * The Redis store against a real redis-server (Debian's 7.0, from
 * scripts/fetch-redis.sh), through the built-in RESP client: SET NX PX
 * claims, DEL releases, PX expiry, AUTH, and two receiver instances sharing
 * one Redis so a redelivery to the other instance is a duplicate.
 */
import { execFileSync } from 'node:child_process';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhook, redisStore, RespClient, RedisError } from '../../../receiver-kit/index.js';
import { post, standardWebhooksRequest, SW_SECRET } from '../../support/official-senders.js';
import { startRedis, type RunningRedis } from '../../support/redis.js';
import { eventually } from '../../support/scrape.js';
import { httpServer } from '../../support/servers.js';
import { tool } from '../../support/tools.js';
import { mount } from './servers.js';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis({ password: 'p@ss word' });
});
afterAll(async () => {
  await redis?.stop();
});

const cli = (...args: string[]) => execFileSync(tool('redis-cli'), ['-p', String(redis.port), '-a', 'p@ss word', '--no-auth-warning', ...args], { encoding: 'utf8' }).trim();

describe('redis store', () => {
  it('claims with SET NX PX under its prefix, releases with DEL, and lets Redis expire a claim', async () => {
    const s = redisStore({ url: redis.url, prefix: 'test1:' });
    try {
      expect(await s.claim('evt_1', 60_000)).toBe(true);
      expect(await s.claim('evt_1', 60_000)).toBe(false);
      const ttl = Number(cli('PTTL', 'test1:evt_1'));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      await s.release('evt_1');
      expect(cli('EXISTS', 'test1:evt_1')).toBe('0');
      expect(await s.claim('evt_1', 60_000)).toBe(true);
      expect(await s.claim('short', 50)).toBe(true);
      await eventually(async () => (await s.claim('short', 60_000)) || undefined, 15_000, 50);
    } finally {
      await s.close();
    }
  });

  it('refuses a wrong password with Redis\' own error', async () => {
    const c = new RespClient({ url: `redis://:wrong@127.0.0.1:${redis.port}` });
    await expect(c.command(['PING'])).rejects.toBeInstanceOf(RedisError);
    await c.close();
  });

  it('takes a client of the user\'s own through { command(args) }', async () => {
    const own = new RespClient({ url: redis.url });
    const sent: string[] = [];
    const s = redisStore({ client: { command: (a) => (sent.push(a[0]!), own.command(a)) }, prefix: 'own:' });
    expect(await s.claim('k', 60_000)).toBe(true);
    expect(sent).toEqual(['SET']);
    expect(cli('GET', 'own:k')).toBe('1');
    await s.close();
    // The store did not close a client it was given.
    expect(await own.command(['PING'])).toBe('PONG');
    await own.close();
  });

  it('makes a redelivery to a second instance a duplicate, and an exact replay to it a 409', async () => {
    const instances = await Promise.all([1, 2].map(async () => {
      const registry = new Registry();
      const seen: string[] = [];
      const hook = createWebhook({ endpoint: 'payments-primary', scheme: 'standard-webhooks', secrets: [SW_SECRET], registry, store: redisStore({ url: redis.url, prefix: 'shared:' }) });
      const m = await mount('express', hook, (e) => void seen.push(e.id));
      return { m, seen, hook };
    }));
    try {
      const [a, b] = instances as [typeof instances[0], typeof instances[0]];
      const id = `msg_${process.pid}_shared`;
      const body = JSON.stringify({ type: 'payment.received' });
      const first = standardWebhooksRequest(id, body);
      expect((await post(a.m.url, first)).status).toBe(200);
      expect((await post(b.m.url, first)).status).toBe(409);
      const retry = standardWebhooksRequest(id, body, Math.floor(Date.now() / 1000) + 1);
      expect(await post(b.m.url, retry)).toMatchObject({ status: 200, body: { duplicate: true, id } });
      expect([a.seen, b.seen]).toEqual([[id], []]);
    } finally {
      for (const i of instances) {
        await i.m.close();
        await i.hook.close();
      }
    }
  });

  it('answers 503 while Redis is down, says so to onStoreError, and reconnects once it is back', async () => {
    let own = await startRedis();
    const errors: unknown[] = [];
    const hook = createWebhook({ endpoint: 'payments-primary', scheme: 'standard-webhooks', secrets: [SW_SECRET], store: redisStore({ url: own.url }), onStoreError: (e) => errors.push(e) });
    const m = await mount('node:http', hook, () => undefined);
    try {
      const body = JSON.stringify({ type: 'payment.received' });
      expect((await post(m.url, standardWebhooksRequest('msg_down_1', body))).status).toBe(200);
      await own.stop();
      const down = await post(m.url, standardWebhooksRequest('msg_down_2', body));
      expect(down).toMatchObject({ status: 503, body: { error: 'idempotency store unavailable, retry later' } });
      expect(errors.length).toBeGreaterThan(0);
      own = await startRedis({ port: own.port });
      expect((await post(m.url, standardWebhooksRequest('msg_down_2', body, Math.floor(Date.now() / 1000) + 1))).status).toBe(200);
    } finally {
      await m.close();
      await hook.close();
      await own.stop();
    }
  });
});

describe('built-in RESP client', () => {
  it('fails a command, without crashing, when the port speaks something else than RESP', async () => {
    const notRedis = await httpServer((_req, res) => void res.end('hello'));
    const c = new RespClient({ url: `redis://127.0.0.1:${notRedis.port}`, timeoutMs: 2000 });
    try {
      await expect(c.command(['PING'])).rejects.toBeInstanceOf(Error);
    } finally {
      await c.close();
      await notRedis.close();
    }
  });
});
