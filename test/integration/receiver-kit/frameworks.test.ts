/**
 * The middleware in real node:http, Express and Fastify servers, fed
 * requests signed by the vendors' own sender libraries (standardwebhooks,
 * stripe, @octokit/webhooks-methods): accepted once, refused when tampered,
 * stale or replayed, skipped as a duplicate when redelivered, retried after
 * a temporary failure, and every outcome on the user's registry under the
 * catalog's names.
 */
import { inspect } from 'node:util';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { createWebhook, PARSED_BODY_ERROR, PermanentError, TemporaryError, type SchemeName, type WebhookEvent, type WebhookOptions } from '../../../receiver-kit/index.js';
import { githubRequest, GITHUB_SECRET, post, standardWebhooksRequest, stripeRequest, STRIPE_SECRET, SW_SECRET } from '../../support/official-senders.js';
import { sample } from '../../support/scrape.js';
import { FRAMEWORKS, mount, type Mounted } from './servers.js';

const SECRETS: Record<'standard-webhooks' | 'stripe' | 'github', string> = { 'standard-webhooks': SW_SECRET, stripe: STRIPE_SECRET, github: GITHUB_SECRET };
const now = () => Math.floor(Date.now() / 1000);
let seq = 0;
const nextId = (p: string) => `${p}_${process.pid}_${++seq}`;

const open: Mounted[] = [];
afterEach(async () => {
  for (const m of open.splice(0)) await m.close();
});

interface Rig {
  readonly m: Mounted;
  readonly registry: Registry;
  readonly seen: WebhookEvent[];
  /** What the handler does for an event id; success when unset. */
  readonly fail: Map<string, Error>;
  metric(name: string, labels: Record<string, string>): Promise<number | undefined>;
}

async function rig(framework: (typeof FRAMEWORKS)[number], scheme: keyof typeof SECRETS, extra: Partial<WebhookOptions> = {}): Promise<Rig> {
  const registry = new Registry();
  const seen: WebhookEvent[] = [];
  const fail = new Map<string, Error>();
  const hook = createWebhook({ endpoint: 'payments-primary', scheme: scheme as SchemeName, secrets: [SECRETS[scheme]], registry, ...extra });
  const m = await mount(framework, hook, async (event) => {
    seen.push(event);
    const f = fail.get(event.id);
    if (f) {
      fail.delete(event.id);
      throw f;
    }
  });
  open.push(m);
  return { m, registry, seen, fail, metric: async (name, labels) => sample(await registry.metrics(), name, labels) };
}

const processed = (status: string, eventType = 'payment.received') => [METRICS.eventsProcessed.name, { endpoint: 'payments-primary', event_type: eventType, status }] as const;

describe.each(FRAMEWORKS)('%s middleware', (framework) => {
  it('accepts an event signed by standardwebhooks once, and records it with its request id', async () => {
    const r = await rig(framework, 'standard-webhooks');
    const id = nextId('msg');
    const created = now() - 42;
    const req = standardWebhooksRequest(id, JSON.stringify({ type: 'payment.received', timestamp: new Date(created * 1000).toISOString(), data: { amount: 5 } }));
    const res = await post(r.m.url, req, { 'x-request-id': 'req_from_proxy' });
    expect(res).toMatchObject({ status: 200, body: { ok: true, id }, requestId: 'req_from_proxy' });
    expect(r.seen.map((e) => [e.id, e.type, e.requestId])).toEqual([[id, 'payment.received', 'req_from_proxy']]);
    expect(r.seen[0]!.payload).toMatchObject({ data: { amount: 5 } });
    expect(await r.metric(...processed('success'))).toBe(1);
    expect(await r.metric(...processed('temporary_failure'))).toBe(0);
    expect(await r.metric(`${METRICS.processing.name}_count`, { endpoint: 'payments-primary', event_type: 'payment.received' })).toBe(1);
    // End-to-end from the payload's own timestamp: 42 s ago lands above the 30 s bucket.
    const e2e = { endpoint: 'payments-primary', event_type: 'payment.received' };
    expect(await r.metric(`${METRICS.endToEnd.name}_bucket`, { ...e2e, le: '30' })).toBe(0);
    expect(await r.metric(`${METRICS.endToEnd.name}_bucket`, { ...e2e, le: '60' })).toBe(1);
  });

  it('accepts an event signed by stripe-node, with its `created` as the event time', async () => {
    const r = await rig(framework, 'stripe');
    const id = nextId('evt');
    const res = await post(r.m.url, stripeRequest(JSON.stringify({ id, type: 'invoice.paid', created: now() - 3 })));
    expect(res).toMatchObject({ status: 200, body: { ok: true, id } });
    expect(res.requestId).toMatch(/^req_[0-9a-f]{16}$/);
    expect(r.seen[0]!.requestId).toBe(res.requestId);
    expect(await r.metric(...processed('success', 'invoice.paid'))).toBe(1);
  });

  it('accepts a delivery signed by @octokit/webhooks-methods, typed by X-GitHub-Event', async () => {
    const r = await rig(framework, 'github');
    const delivery = nextId('gh');
    const res = await post(r.m.url, await githubRequest(delivery, 'push', JSON.stringify({ ref: 'refs/heads/main' })));
    expect(res).toMatchObject({ status: 200, body: { ok: true, id: delivery } });
    expect(r.seen.map((e) => [e.id, e.type])).toEqual([[delivery, 'push']]);
    // GitHub signs no timestamp: the same bytes again are a replay.
    expect((await post(r.m.url, await githubRequest(nextId('gh'), 'push', JSON.stringify({ ref: 'refs/heads/main' })))).status).toBe(409);
  });

  it('refuses a tampered body, a wrong secret, a stale and a future timestamp with 401, and runs nothing', async () => {
    const r = await rig(framework, 'standard-webhooks');
    const body = JSON.stringify({ type: 'payment.received' });
    const good = standardWebhooksRequest(nextId('msg'), body);
    const cases = [
      { ...good, body: body.replace('payment', 'pay-ment') },
      standardWebhooksRequest(nextId('msg'), body, now(), 'whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB'),
      standardWebhooksRequest(nextId('msg'), body, now() - 301),
      standardWebhooksRequest(nextId('msg'), body, now() + 3600),
      { body, headers: { 'content-type': 'application/json' } },
    ];
    const answers = [];
    for (const c of cases) answers.push(await post(r.m.url, c));
    expect(answers.map((a) => [a.status, a.body.error])).toEqual([
      [401, 'signature mismatch'], [401, 'signature mismatch'], [401, 'signature stale'], [401, 'signature future'], [401, 'signature missing_header'],
    ]);
    expect(r.seen).toEqual([]);
    expect(await r.metric(...processed('success'))).toBeUndefined();
  });

  it('refuses an exact replay (409) and skips a redelivery with a new signature as a duplicate (200)', async () => {
    const r = await rig(framework, 'stripe');
    const id = nextId('evt');
    const body = JSON.stringify({ id, type: 'payment.received' });
    const first = stripeRequest(body);
    expect((await post(r.m.url, first)).status).toBe(200);
    expect(await post(r.m.url, first)).toMatchObject({ status: 409, body: { error: 'replayed request' } });
    // Stripe's retry signs a new timestamp: a new digest, the same event.
    expect(await post(r.m.url, stripeRequest(body, now() + 1))).toMatchObject({ status: 200, body: { duplicate: true, id } });
    expect(r.seen).toHaveLength(1);
    expect(await r.metric(...processed('duplicate'))).toBe(1);
    expect(await r.metric(...processed('success'))).toBe(1);
  });

  it('answers 500 on a temporary failure and processes the retry; 422 on a permanent one, whose redelivery is a duplicate', async () => {
    const r = await rig(framework, 'standard-webhooks');
    const temp = nextId('msg');
    const body = JSON.stringify({ type: 'payment.received' });
    r.fail.set(temp, new TemporaryError('database timeout'));
    const failed = await post(r.m.url, standardWebhooksRequest(temp, body));
    expect(failed).toMatchObject({ status: 500, body: { error: 'processing failed, retry later' } });
    expect(JSON.stringify(failed.body)).not.toContain('database');
    expect((await post(r.m.url, standardWebhooksRequest(temp, body, now() + 1))).status).toBe(200);
    const perm = nextId('msg');
    r.fail.set(perm, new PermanentError('unknown account'));
    expect((await post(r.m.url, standardWebhooksRequest(perm, body))).status).toBe(422);
    expect(await post(r.m.url, standardWebhooksRequest(perm, body, now() + 1))).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(r.seen.map((e) => e.id)).toEqual([temp, temp, perm]);
    expect(await r.metric(...processed('temporary_failure'))).toBe(1);
    expect(await r.metric(...processed('permanent_failure'))).toBe(1);
    expect(await r.metric(...processed('success'))).toBe(1);
    expect(await r.metric(...processed('duplicate'))).toBe(1);
  });

  it('answers 400 to a signed body that is not JSON or has no event id, and does not count the refusal as taken', async () => {
    const r = await rig(framework, 'stripe');
    const notJson = stripeRequest('not json');
    expect(await post(r.m.url, notJson)).toMatchObject({ status: 400, body: { error: 'body is not JSON' } });
    const noId = stripeRequest(JSON.stringify({ type: 'payment.received' }));
    expect(await post(r.m.url, noId)).toMatchObject({ status: 400, body: { error: 'event has no id' } });
    // Refused, so not remembered: the same bytes again are refused the same way, not as a replay.
    expect((await post(r.m.url, notJson)).status).toBe(400);
    expect(r.seen).toEqual([]);
  });

  it('answers 413 to a body over maxBodyBytes', async () => {
    const r = await rig(framework, 'stripe', { maxBodyBytes: 1024 });
    const res = await post(r.m.url, stripeRequest(JSON.stringify({ id: nextId('evt'), type: 'big', pad: 'x'.repeat(4096) })));
    expect(res.status).toBe(413);
    expect(r.seen).toEqual([]);
  });

  it.runIf(framework !== 'node:http')('leaves the app\'s own JSON routes parsing JSON', async () => {
    const r = await rig(framework, 'stripe');
    const res = await fetch(r.m.echo!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await res.json()).toEqual({ echoed: { a: 1 } });
  });
});

describe('express: where the raw body comes from', () => {
  it('takes it from express.raw(), and refuses a body express.json() already parsed, saying how to fix it', async () => {
    const r = await rig('express', 'stripe');
    const base = r.m.url.replace(/\/webhook$/, '');
    const id = nextId('evt');
    expect((await post(`${base}/raw-webhook`, stripeRequest(JSON.stringify({ id, type: 'payment.received' })))).status).toBe(200);
    const late = await post(`${base}/late-webhook`, stripeRequest(JSON.stringify({ id: nextId('evt'), type: 'payment.received' })));
    expect(late).toMatchObject({ status: 500, body: { error: PARSED_BODY_ERROR } });
    expect(r.seen.map((e) => e.id)).toEqual([id]);
  });
});

describe('options', () => {
  it('refuse a bad scheme or secret at creation in one line, without printing the secret', () => {
    expect(() => createWebhook({ endpoint: 'p', scheme: 'stripe-v2' as SchemeName, secrets: ['x'] })).toThrow(/^hookwatch\/receiver: scheme: got "stripe-v2", expected one of standard-webhooks, svix, stripe, github, slack, hmac-sha256$/);
    const bad = 'whsec_not base64!';
    let msg = '';
    try {
      createWebhook({ endpoint: 'p', scheme: 'standard-webhooks', secrets: [SW_SECRET, bad] });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toBe('hookwatch/receiver: secrets[1]: expected a Standard Webhooks secret: "whsec_" followed by base64');
    expect(msg).not.toContain(bad);
    expect(() => createWebhook({ endpoint: '', scheme: 'stripe', secrets: ['x'] })).toThrow(/^hookwatch\/receiver: endpoint: /);
  });

  it('keep the secrets out of what the webhook object prints', () => {
    const hook = createWebhook({ endpoint: 'p', scheme: 'stripe', secrets: [STRIPE_SECRET] });
    expect(inspect(hook, { depth: 10, showHidden: true })).not.toContain(STRIPE_SECRET);
    expect(JSON.stringify(hook)).not.toContain(STRIPE_SECRET);
  });
});
