/**
 * `digest`, the receiver's replay key: the SHA-256 of what the signature
 * covers. It must not change with anything the signature does not cover
 * (unsigned id headers, the order or number of rotated signatures), and
 * must change with everything it does (body, signed timestamp, signed id).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERIC, SCHEME_NAMES, signHeaders, verify, type SchemeName, type VerifyResult } from '../../../signing/index.js';
import { signInput, SW_NEW, SW_OLD, verifyInput } from './fixtures.js';

const both = signInput([SW_NEW, SW_OLD]);
const digestOf = (r: VerifyResult): string => {
  if (!r.ok) throw new Error(`did not verify: ${r.reason}`);
  return r.digest;
};
const run = (scheme: SchemeName, headers: Record<string, string>, input = both) => digestOf(verify(scheme, verifyInput(input, headers)));

describe('verify digest', () => {
  it.each(SCHEME_NAMES)('%s: changes with the body and the signed timestamp', (scheme) => {
    const base = run(scheme, signHeaders(scheme, both));
    const otherBody = signInput([SW_NEW, SW_OLD], { body: '{"n":2}' });
    expect(run(scheme, signHeaders(scheme, otherBody), otherBody)).not.toBe(base);
    if (scheme === 'github') return; // signs no timestamp
    const later = signInput([SW_NEW, SW_OLD], { timestamp: both.timestamp + 1 });
    expect(run(scheme, signHeaders(scheme, later), { ...later, timestamp: both.timestamp })).not.toBe(base);
  });

  it('github and a generic template without {id}: an unsigned id header does not change it', () => {
    const gh = signHeaders('github', both);
    expect(run('github', { ...gh, 'X-GitHub-Delivery': 'other' })).toBe(run('github', gh));
    const old = { ...DEFAULT_GENERIC, template: '{timestamp}.{body}' };
    const h = signHeaders('hmac-sha256', both, old);
    const a = digestOf(verify('hmac-sha256', verifyInput(both, h), old));
    const b = digestOf(verify('hmac-sha256', verifyInput(both, { ...h, 'X-Webhook-Id': 'other' }), old));
    expect(b).toBe(a);
  });

  it('the default generic template signs the id: a changed one does not verify', () => {
    const h = signHeaders('hmac-sha256', both);
    expect(verify('hmac-sha256', verifyInput(both, { ...h, 'X-Webhook-Id': 'other' }))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('standard-webhooks and stripe: the same with one, both or reordered rotated signatures', () => {
    const sw = signHeaders('standard-webhooks', both);
    const [s1, s2] = sw['webhook-signature']!.split(' ');
    const swBase = run('standard-webhooks', sw);
    expect(run('standard-webhooks', { ...sw, 'webhook-signature': `${s2} ${s1}` })).toBe(swBase);
    expect(run('standard-webhooks', { ...sw, 'webhook-signature': s2! })).toBe(swBase);
    const st = signHeaders('stripe', both)['Stripe-Signature']!;
    const [t, v1a, v1b] = st.split(',');
    const stBase = run('stripe', { 'Stripe-Signature': st });
    expect(run('stripe', { 'Stripe-Signature': `${t},${v1b},${v1a}` })).toBe(stBase);
    expect(run('stripe', { 'Stripe-Signature': `${t},${v1b}` })).toBe(stBase);
  });
});
