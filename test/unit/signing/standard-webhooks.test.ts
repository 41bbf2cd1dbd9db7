/**
 * Standard Webhooks and Svix against the `standardwebhooks` reference
 * library, plus the ±tolerance window and header parsing of our verifier.
 */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { forgeHeaders, signHeaders, SigningError, standardWebhooksKey, verify } from '../../../signing/index.js';
import { nowSeconds, sha256, signInput, SW_NEW, SW_OLD, SW_VECTOR, TOLERANCE, verifyInput } from './fixtures.js';

/** The library checks ±300 s against Date.now() and takes no clock, so inputs use the real time. */
const fresh = (secrets: readonly string[], over = {}) => signInput(secrets, { timestamp: nowSeconds(), ...over });
const libVerify = (secret: string, body: string | Buffer, headers: Record<string, string>) => () => new Webhook(secret).verify(body, headers);

describe('standard-webhooks: accepted by the reference library', () => {
  it('accepts our headers', () => {
    const input = fresh([SW_NEW]);
    expect(libVerify(SW_NEW, input.body as string, signHeaders('standard-webhooks', input))).not.toThrow();
  });

  it('accepts a multi-byte UTF-8 body given as bytes', () => {
    // The library decodes a Buffer to a string before signing, so only valid
    // UTF-8 survives it; non-UTF-8 bodies are covered by our verifier alone.
    const bytes = Buffer.from('{"name":"Zoë ✓ 🚀"}', 'utf8');
    const input = fresh([SW_NEW], { body: new Uint8Array(bytes) });
    expect(libVerify(SW_NEW, bytes, signHeaders('standard-webhooks', input))).not.toThrow();
  });

  it('accepts each secret of a rotation list on its own', () => {
    const input = fresh([SW_NEW, SW_OLD]);
    const h = signHeaders('standard-webhooks', input);
    expect(h['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(libVerify(SW_NEW, input.body as string, h)).not.toThrow();
    expect(libVerify(SW_OLD, input.body as string, h)).not.toThrow();
  });

  it('accepts svix headers once renamed to webhook-* (the svix library wraps this one)', () => {
    const input = fresh([SW_NEW]);
    const h = signHeaders('svix', input);
    const renamed = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.replace(/^svix-/, 'webhook-'), v]));
    expect(libVerify(SW_NEW, input.body as string, renamed)).not.toThrow();
  });

  it('rejects forged headers, a tampered body, a wrong secret and a stale timestamp', () => {
    const input = fresh([SW_NEW]);
    const body = input.body as string;
    expect(libVerify(SW_NEW, body, forgeHeaders('standard-webhooks', input))).toThrow(/No matching signature/);
    expect(libVerify(SW_NEW, body + ' ', signHeaders('standard-webhooks', input))).toThrow(/No matching signature/);
    expect(libVerify(SW_OLD, body, signHeaders('standard-webhooks', input))).toThrow(/No matching signature/);
    const old = fresh([SW_NEW], { timestamp: nowSeconds() - 2 * TOLERANCE });
    expect(libVerify(SW_NEW, body, signHeaders('standard-webhooks', old))).toThrow(/too old/);
  });
});

describe('standard-webhooks: our verifier', () => {
  const input = signInput([SW_NEW]);
  const h = signHeaders('standard-webhooks', input);
  const at = (nowSeconds: number) => verify('standard-webhooks', verifyInput(input, h, { nowSeconds }));

  it('checks the window both ways, inclusive at the tolerance', () => {
    expect(at(input.timestamp + TOLERANCE)).toEqual({ ok: true, id: input.id, timestamp: input.timestamp, digest: sha256(`${input.id}.${input.timestamp}.${input.body}`) });
    expect(at(input.timestamp + TOLERANCE + 1)).toEqual({ ok: false, reason: 'stale' });
    expect(at(input.timestamp - TOLERANCE).ok).toBe(true);
    expect(at(input.timestamp - TOLERANCE - 1)).toEqual({ ok: false, reason: 'future' });
  });

  it('reports a mismatch before the window: an unsigned timestamp proves nothing', () => {
    const r = verify('standard-webhooks', verifyInput(input, forgeHeaders('standard-webhooks', input), { nowSeconds: input.timestamp + 10 * TOLERANCE }));
    expect(r).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('signs the id and the timestamp', () => {
    expect(verify('standard-webhooks', verifyInput(input, { ...h, 'webhook-id': 'msg_other' }))).toEqual({ ok: false, reason: 'mismatch' });
    const shifted = String(input.timestamp + 1);
    expect(verify('standard-webhooks', verifyInput(input, { ...h, 'webhook-timestamp': shifted }))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it.each([
    ['webhook-id', 'missing_header'],
    ['webhook-timestamp', 'missing_header'],
  ])('without %s: %s', (name, reason) => {
    const rest = Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));
    expect(verify('standard-webhooks', verifyInput(input, rest))).toEqual({ ok: false, reason });
  });

  it.each(['12abc', '-5', '1.5', '1e9'])('a timestamp of %j is malformed', (ts) => {
    expect(verify('standard-webhooks', verifyInput(input, { ...h, 'webhook-timestamp': ts }))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('skips other signature versions and finds v1 anywhere in the list', () => {
    const list = `v1a,AAAA ${h['webhook-signature']} v2,BBBB`;
    expect(verify('standard-webhooks', verifyInput(input, { ...h, 'webhook-signature': list })).ok).toBe(true);
    expect(verify('standard-webhooks', verifyInput(input, { ...h, 'webhook-signature': 'v1a,AAAA' }))).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('standard-webhooks', verifyInput(input, { ...h, 'webhook-signature': 'v1, ,' }))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('svix reads svix-* names and falls back to webhook-*', () => {
    const sv = signHeaders('svix', input);
    expect(verify('svix', verifyInput(input, sv)).ok).toBe(true);
    expect(verify('svix', verifyInput(input, h)).ok).toBe(true);
    // The unbranded scheme does not read svix-* names.
    expect(verify('standard-webhooks', verifyInput(input, sv))).toEqual({ ok: false, reason: 'missing_header' });
  });
});

describe('standard-webhooks: secrets', () => {
  it('decodes the base64 after whsec_, with or without the prefix', () => {
    expect(Buffer.from(standardWebhooksKey(SW_VECTOR.secret)!).toString('base64')).toBe(SW_VECTOR.secret.slice('whsec_'.length));
    expect(standardWebhooksKey(SW_VECTOR.secret.slice('whsec_'.length))).toEqual(standardWebhooksKey(SW_VECTOR.secret));
  });

  it.each(['whsec_not base64!', 'whsec_', 'whsec_A'])('refuses %j', (secret) => {
    expect(standardWebhooksKey(secret)).toBeUndefined();
    expect(() => signHeaders('standard-webhooks', signInput([secret]))).toThrow(SigningError);
  });

  it('a receiver with one unusable secret still checks the others', () => {
    const input = signInput([SW_NEW]);
    const r = verify('standard-webhooks', verifyInput(input, signHeaders('standard-webhooks', input), { secrets: ['whsec_!!', SW_NEW] }));
    expect(r.ok).toBe(true);
  });
});
