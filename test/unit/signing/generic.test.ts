/**
 * Generic hmac-sha256: encodings, prefix, custom templates, and which
 * headers the template makes required. Expected MACs are computed here
 * independently with node:crypto over the documented string to sign.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERIC, signHeaders, SigningError, verify, type GenericOptions } from '../../../signing/index.js';
import { sha256, signInput, TOLERANCE, verifyInput } from './fixtures.js';

const SECRET = 'generic-secret';
const mac = (text: string, enc: 'hex' | 'base64') => createHmac('sha256', SECRET).update(text, 'utf8').digest(enc);

describe('hmac-sha256', () => {
  const input = signInput([SECRET, 'generic-old']);

  it('defaults: hex over "{id}.{timestamp}.{body}", no prefix, X-Webhook-* headers', () => {
    expect(signHeaders('hmac-sha256', input)).toEqual({
      'X-Webhook-Id': input.id,
      'X-Webhook-Timestamp': String(input.timestamp),
      'X-Webhook-Signature': mac(`${input.id}.${input.timestamp}.${input.body}`, 'hex'),
    });
    expect(Object.isFrozen(DEFAULT_GENERIC)).toBe(true);
  });

  it('base64 with a custom template, prefix and header names', () => {
    const g: GenericOptions = {
      header: 'X-Acme-Sig',
      prefix: 'sha256=',
      encoding: 'base64',
      template: 'acme:{id}:{timestamp}:{body}',
      timestampHeader: 'X-Acme-Time',
      idHeader: 'X-Acme-Event',
    };
    const h = signHeaders('hmac-sha256', input, g);
    expect(h).toEqual({
      'X-Acme-Event': input.id,
      'X-Acme-Time': String(input.timestamp),
      'X-Acme-Sig': 'sha256=' + mac(`acme:${input.id}:${input.timestamp}:${input.body}`, 'base64'),
    });
    expect(verify('hmac-sha256', verifyInput(input, h), g)).toEqual({ ok: true, id: input.id, timestamp: input.timestamp, digest: sha256(`acme:${input.id}:${input.timestamp}:${input.body}`) });
    // The id is in the template, so it is signed.
    expect(verify('hmac-sha256', verifyInput(input, { ...h, 'X-Acme-Event': 'evt_other' }), g)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('hmac-sha256', verifyInput(input, { ...h, 'X-Acme-Sig': h['X-Acme-Sig']!.slice(7) }), g)).toEqual({ ok: false, reason: 'malformed' });
    // Verified with the default (hex) options, the same headers do not pass.
    expect(verify('hmac-sha256', verifyInput(input, h)).ok).toBe(false);
  });

  it('a hex signature is not accepted where base64 is configured', () => {
    const hex = signHeaders('hmac-sha256', input);
    const b64 = { ...DEFAULT_GENERIC, encoding: 'base64' as const };
    expect(verify('hmac-sha256', verifyInput(input, hex), b64)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('checks the window both ways when the template signs the timestamp', () => {
    const h = signHeaders('hmac-sha256', input);
    const at = (nowSeconds: number) => verify('hmac-sha256', verifyInput(input, h, { nowSeconds }));
    expect(at(input.timestamp + TOLERANCE).ok).toBe(true);
    expect(at(input.timestamp + TOLERANCE + 1)).toEqual({ ok: false, reason: 'stale' });
    expect(at(input.timestamp - TOLERANCE).ok).toBe(true);
    expect(at(input.timestamp - TOLERANCE - 1)).toEqual({ ok: false, reason: 'future' });
    const { 'X-Webhook-Timestamp': _t, ...noTs } = h;
    expect(verify('hmac-sha256', verifyInput(input, noTs))).toEqual({ ok: false, reason: 'missing_header' });
  });

  it('a body-only template needs no timestamp or id header and has no window', () => {
    const g = { ...DEFAULT_GENERIC, template: '{body}' };
    const sig = signHeaders('hmac-sha256', input, g)['X-Webhook-Signature']!;
    expect(sig).toBe(mac(input.body as string, 'hex'));
    const r = verify('hmac-sha256', verifyInput(input, { 'x-webhook-signature': sig }, { nowSeconds: input.timestamp + 1000 * TOLERANCE }), g);
    expect(r).toEqual({ ok: true, digest: sha256(input.body) });
  });

  it('leaves unknown braces in the template as literal text', () => {
    const g = { ...DEFAULT_GENERIC, template: '{version}|{body}' };
    expect(signHeaders('hmac-sha256', input, g)['X-Webhook-Signature']).toBe(mac(`{version}|${input.body}`, 'hex'));
  });

  it.each([
    ['a template without {body}', { template: '{timestamp}' }],
    ['an unknown encoding', { encoding: 'base32' as 'hex' }],
    ['two headers with the same name', { idHeader: 'x-webhook-signature' }],
  ])('refuses %s when signing, and verify reports malformed', (_what, over) => {
    const g = { ...DEFAULT_GENERIC, ...over };
    expect(() => signHeaders('hmac-sha256', input, g)).toThrow(SigningError);
    const h = signHeaders('hmac-sha256', input);
    expect(verify('hmac-sha256', verifyInput(input, h), g)).toEqual({ ok: false, reason: 'malformed' });
  });
});
