/**
 * Stripe against stripe-node's own `verifyHeader` (clock pinned through
 * `receivedAt`), plus the one-sided window and header parsing of our verifier.
 */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { forgeHeaders, signHeaders, verify } from '../../../signing/index.js';
import { sha256, signInput, TOLERANCE, verifyInput } from './fixtures.js';

const NEW = 'whsec_stripe_new';
const OLD = 'whsec_stripe_old';
const signature = Stripe.webhooks.signature!;

/** stripe-node's check at `nowSeconds`; throws StripeSignatureVerificationError on failure. */
const stripeVerify = (body: string | Uint8Array, header: string, secret: string, nowSeconds: number) => () =>
  signature.verifyHeader(body, header, secret, TOLERANCE, undefined, nowSeconds * 1000);

describe('stripe: accepted by stripe-node', () => {
  const input = signInput([NEW]);
  const header = signHeaders('stripe', input)['Stripe-Signature']!;

  it('accepts our header, and matches generateTestHeaderString', () => {
    expect(stripeVerify(input.body, header, NEW, input.timestamp)).not.toThrow();
    const theirs = Stripe.webhooks.generateTestHeaderString({ payload: input.body as string, secret: NEW, timestamp: input.timestamp });
    expect(header).toBe(theirs);
  });

  it('accepts a multi-byte UTF-8 body given as bytes', () => {
    // stripe-node decodes bytes as UTF-8 before signing, so only valid UTF-8
    // survives it; non-UTF-8 bodies are covered by our verifier alone.
    const bytes = new Uint8Array(Buffer.from('{"name":"Zoë ✓ 🚀"}', 'utf8'));
    const bin = signInput([NEW], { body: bytes });
    expect(stripeVerify(bytes, signHeaders('stripe', bin)['Stripe-Signature']!, NEW, bin.timestamp)).not.toThrow();
  });

  it('accepts each secret of a rotation list on its own (repeated v1=)', () => {
    const both = signInput([NEW, OLD]);
    const h = signHeaders('stripe', both)['Stripe-Signature']!;
    expect(h.match(/,v1=/g)).toHaveLength(2);
    expect(stripeVerify(both.body, h, NEW, both.timestamp)).not.toThrow();
    expect(stripeVerify(both.body, h, OLD, both.timestamp)).not.toThrow();
  });

  it('rejects forged headers, a tampered body, a wrong secret and a stale timestamp', () => {
    const forged = forgeHeaders('stripe', input)['Stripe-Signature']!;
    expect(stripeVerify(input.body, forged, NEW, input.timestamp)).toThrow(/No signatures found matching/);
    expect(stripeVerify(input.body + ' ', header, NEW, input.timestamp)).toThrow(/No signatures found matching/);
    expect(stripeVerify(input.body, header, OLD, input.timestamp)).toThrow(/No signatures found matching/);
    expect(stripeVerify(input.body, header, NEW, input.timestamp + TOLERANCE + 1)).toThrow(/outside the tolerance/);
  });
});

describe('stripe: our verifier', () => {
  const input = signInput([NEW]);
  const h = signHeaders('stripe', input);
  const at = (nowSeconds: number) => verify('stripe', verifyInput(input, h, { nowSeconds }));

  it('rejects stale timestamps only, inclusive at the tolerance, as Stripe does', () => {
    expect(at(input.timestamp + TOLERANCE)).toEqual({ ok: true, timestamp: input.timestamp, digest: sha256(`${input.timestamp}.${input.body}`) });
    expect(at(input.timestamp + TOLERANCE + 1)).toEqual({ ok: false, reason: 'stale' });
    // Stripe accepts timestamps from the future; so do we.
    expect(at(input.timestamp - 10 * TOLERANCE).ok).toBe(true);
  });

  it('agrees with stripe-node on the boundary', () => {
    expect(stripeVerify(input.body, h['Stripe-Signature']!, NEW, input.timestamp + TOLERANCE)).not.toThrow();
    expect(stripeVerify(input.body, h['Stripe-Signature']!, NEW, input.timestamp + TOLERANCE + 1)).toThrow();
  });

  it('signs the timestamp', () => {
    const moved = h['Stripe-Signature']!.replace(`t=${input.timestamp}`, `t=${input.timestamp + 1}`);
    expect(verify('stripe', verifyInput(input, { 'Stripe-Signature': moved }))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('ignores v0 and unknown entries and accepts spaces after commas', () => {
    const [t, v1] = h['Stripe-Signature']!.split(',');
    expect(verify('stripe', verifyInput(input, { 'stripe-signature': `${t}, v0=abc, ${v1}, x=1` })).ok).toBe(true);
  });

  it.each([
    ['no t', 'v1=abc'],
    ['no v1', 't=1700000000,v0=abc'],
    ['two t', 't=1700000000,t=1,v1=abc'],
    ['non-numeric t', 't=17e8,v1=abc'],
    ['no key=value at all', 'garbage'],
  ])('%s is malformed', (_what, header) => {
    expect(verify('stripe', verifyInput(input, { 'Stripe-Signature': header }))).toEqual({ ok: false, reason: 'malformed' });
  });
});
