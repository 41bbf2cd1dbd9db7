/**
 * Replay protection of the reference receiver, for every scheme, over real
 * HTTP. The semantics:
 * - an exact replay (the same authenticated bytes: signature, body and what
 *   the signature covers, seen within the window) → 409, whatever the scheme
 *   and whatever unsigned header (an id) was changed;
 * - a redelivery by the sender (same event id, new timestamp and signature)
 *   → 200 duplicate, skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLogWriter, Receiver, type Handler } from '../../../receiver/index.js';
import { DEFAULT_GENERIC, signHeaders, type GenericOptions, type SchemeName } from '../../../signing/index.js';
import { configFromYaml } from '../../support/config.js';
import { ReceiverPool } from '../../support/receivers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OLD_SECRET = 'whsec_c2Vjb25kIHNlY3JldCBmb3Igcm90YXRpb24=';
const OLD_TEMPLATE = '{timestamp}.{body}';
let dir: string;
const pool = new ReceiverPool();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-replay-'));
});
afterEach(async () => {
  await pool.stopAll();
  rmSync(dir, { recursive: true, force: true });
});

interface Setup {
  readonly scheme: SchemeName;
  readonly template?: string;
  readonly secrets?: readonly string[];
  readonly receiverExtra?: string;
}

function generic(s: Setup): GenericOptions {
  return s.template ? { ...DEFAULT_GENERIC, template: s.template } : DEFAULT_GENERIC;
}

async function start(s: Setup, handlers: Record<string, Handler> = {}): Promise<{ r: Receiver; url: string; writer: MemoryLogWriter }> {
  const secrets = (s.secrets ?? [SECRET]).map((x) => `"${x}"`).join(', ');
  const template = s.template ? `, template: "${s.template}"` : '';
  const c = configFromYaml(`endpoints:
  - name: primary
    url: http://127.0.0.1:1/webhook
    signing: { scheme: ${s.scheme}, secrets: [${secrets}]${template} }
receivers:
  - endpoint: primary
    listen: 127.0.0.1:0
${s.receiverExtra ?? ''}`);
  const writer = new MemoryLogWriter();
  const r = new Receiver(c.receivers[0]!, { writer, handlers });
  const srv = await pool.start(r);
  return { r, url: srv.url, writer };
}

const now = () => Math.floor(Date.now() / 1000);

function signed(s: Setup, id: string, timestamp = now()): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id, type: 'payment.received', data: {} });
  const headers = signHeaders(s.scheme, { id, timestamp, body, secrets: s.secrets ?? [SECRET] }, generic(s));
  return { body, headers: { 'content-type': 'application/json', ...headers } };
}

const post = (url: string, req: { body: string; headers: Record<string, string> }, extra: Record<string, string> = {}) =>
  fetch(`${url}/webhook`, { method: 'POST', body: req.body, headers: { ...req.headers, ...extra } });

const ALL: readonly Setup[] = [
  { scheme: 'standard-webhooks' },
  { scheme: 'svix' },
  { scheme: 'stripe' },
  { scheme: 'github' },
  { scheme: 'slack' },
  { scheme: 'hmac-sha256' },
  { scheme: 'hmac-sha256', template: OLD_TEMPLATE },
];
const label = (s: Setup) => `${s.scheme}${s.template ? ` "${s.template}"` : ''}`;

describe('an exact replay', () => {
  it.each(ALL.map((s) => [label(s), s] as const))('%s: is refused with 409 and processed once', async (_, s) => {
    const { url, writer } = await start(s);
    const req = signed(s, 'evt_x');
    expect((await post(url, req)).status).toBe(202);
    const replay = await post(url, req);
    expect(replay.status).toBe(409);
    expect(await replay.json()).toEqual({ error: 'replayed request' });
    expect(writer.records.filter((r) => r.status === 'duplicate')).toHaveLength(0);
  });
});

describe('a replay with a new, unsigned id header', () => {
  it.each([
    ['github: X-GitHub-Delivery', { scheme: 'github' }, 'X-GitHub-Delivery'],
    ['hmac-sha256 with the old template: X-Webhook-Id', { scheme: 'hmac-sha256', template: OLD_TEMPLATE }, 'X-Webhook-Id'],
  ] as const)('%s is not signed, the replay is still refused', async (_, s: Setup, idHeader) => {
    const { url, r } = await start(s);
    const req = signed(s, 'evt_x');
    expect((await post(url, req)).status).toBe(202);
    const replay = await post(url, req, { [idHeader]: 'evt_attacker' });
    expect(replay.status).toBe(409);
    expect(r.store.has('evt_attacker')).toBe(false);
  });

  it('hmac-sha256 with the default template: the id is signed, a changed one fails verification', async () => {
    const s: Setup = { scheme: 'hmac-sha256' };
    const { url } = await start(s);
    const req = signed(s, 'evt_gen');
    expect((await post(url, req)).status).toBe(202);
    const replay = await post(url, req, { 'X-Webhook-Id': 'evt_attacker' });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ error: 'signature mismatch' });
  });

  it('github: still refused after a restart with the file store', async () => {
    const s: Setup = { scheme: 'github', receiverExtra: `    idempotency: { store: file, path: ${join(dir, 'ids.jsonl')} }\n` };
    const first = await start(s);
    const req = signed(s, 'evt_gh');
    expect((await post(first.url, req)).status).toBe(202);
    await pool.stopLast();
    const second = await start(s);
    expect((await post(second.url, req, { 'X-GitHub-Delivery': 'evt_attacker' })).status).toBe(409);
  });
});

describe('a replay with the signature header rewritten', () => {
  // During a rotation the sender signs with both secrets; dropping or
  // reordering the signatures does not make a captured request new.
  it.each(['standard-webhooks', 'stripe'] as const)('%s: dropping one of two signatures is still a replay', async (scheme) => {
    const s: Setup = { scheme, secrets: [SECRET, OLD_SECRET] };
    const { url } = await start(s);
    const req = signed(s, 'evt_rot');
    expect((await post(url, req)).status).toBe(202);
    const name = scheme === 'stripe' ? 'stripe-signature' : 'webhook-signature';
    const value = req.headers[Object.keys(req.headers).find((k) => k.toLowerCase() === name)!]!;
    const kept = scheme === 'stripe' ? value.split(',').filter((_, i) => i !== 1).join(',') : value.split(' ')[1]!;
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.toLowerCase() !== name));
    const replay = await post(url, { body: req.body, headers: { ...headers, [name]: kept } });
    expect(replay.status).toBe(409);
  });
});

describe('a redelivery by the sender', () => {
  const timed = ALL.filter((s) => s.scheme !== 'github');
  it.each(timed.map((s) => [label(s), s] as const))('%s: same id, new timestamp and signature → 200 duplicate', async (_, s) => {
    const { url, writer } = await start(s);
    expect((await post(url, signed(s, 'evt_d', now() - 5))).status).toBe(202);
    const again = await post(url, signed(s, 'evt_d'));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true, id: 'evt_d' });
    expect(writer.records.filter((r) => r.status === 'duplicate')).toHaveLength(1);
  });
});

describe('a request that was not taken', () => {
  it('github: a 503 (queue full) is not remembered, so the same bytes resent later are accepted', async () => {
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const s: Setup = { scheme: 'github', receiverExtra: '    processing: { concurrency: 1, queue_limit: 1 }\n' };
    const { url, r } = await start(s, { default: () => held });
    expect((await post(url, signed(s, 'evt_1'))).status).toBe(202);
    const second = signed(s, 'evt_2');
    expect((await post(url, second)).status).toBe(503);
    release();
    await r.queue.idle();
    expect((await post(url, second)).status).toBe(202);
  });
});
