/**
 * Behaviour every scheme shares, table-driven: accept, tampered body, wrong
 * secret, missing and malformed headers, rotation, header case, never throwing.
 */
import { describe, expect, it } from 'vitest';
import { forgeHeaders, SCHEME_NAMES, signHeaders, SigningError, verify, type SchemeName } from '../../../signing/index.js';
import { BINARY_BODY, signInput, SW_NEW, SW_OLD, verifyInput } from './fixtures.js';

/** Secrets valid for each scheme (Standard Webhooks needs base64). */
const SECRETS: Record<SchemeName, { current: string; previous: string; wrong: string }> = {
  'standard-webhooks': { current: SW_NEW, previous: SW_OLD, wrong: 'whsec_' + Buffer.alloc(24, 3).toString('base64') },
  svix: { current: SW_NEW, previous: SW_OLD, wrong: 'whsec_' + Buffer.alloc(24, 3).toString('base64') },
  stripe: { current: 'whsec_stripe_new', previous: 'whsec_stripe_old', wrong: 'whsec_stripe_wrong' },
  github: { current: 'gh-new', previous: 'gh-old', wrong: 'gh-wrong' },
  slack: { current: 'slack-new', previous: 'slack-old', wrong: 'slack-wrong' },
  'hmac-sha256': { current: 'generic-new', previous: 'generic-old', wrong: 'generic-wrong' },
};

/** The header holding the signature, per scheme, as signHeaders writes it. */
const SIGNATURE_HEADER: Record<SchemeName, string> = {
  'standard-webhooks': 'webhook-signature',
  svix: 'svix-signature',
  stripe: 'Stripe-Signature',
  github: 'X-Hub-Signature-256',
  slack: 'X-Slack-Signature',
  'hmac-sha256': 'X-Webhook-Signature',
};

const without = (h: Record<string, string>, name: string) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== name));

describe.each(SCHEME_NAMES)('%s', (scheme) => {
  const s = SECRETS[scheme];
  const input = signInput([s.current]);
  const headers = signHeaders(scheme, input);

  it('accepts its own signature', () => {
    expect(verify(scheme, verifyInput(input, headers)).ok).toBe(true);
  });

  it('rejects a tampered body', () => {
    expect(verify(scheme, verifyInput(input, headers, { body: input.body + ' ' }))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a wrong secret', () => {
    expect(verify(scheme, verifyInput(input, headers, { secrets: [s.wrong] }))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects when no secret is configured', () => {
    expect(verify(scheme, verifyInput(input, headers, { secrets: [] }))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects forged headers that keep the shape of real ones', () => {
    const forged = forgeHeaders(scheme, input);
    expect(Object.keys(forged)).toEqual(Object.keys(headers));
    const sig = SIGNATURE_HEADER[scheme];
    expect(forged[sig]).not.toBe(headers[sig]);
    expect(forged[sig]!.length).toBe(headers[sig]!.length);
    expect(verify(scheme, verifyInput(input, forged))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('reports a missing signature header', () => {
    expect(verify(scheme, verifyInput(input, without(headers, SIGNATURE_HEADER[scheme])))).toEqual({ ok: false, reason: 'missing_header' });
    expect(verify(scheme, verifyInput(input, {}))).toEqual({ ok: false, reason: 'missing_header' });
  });

  it('reports a malformed signature header', () => {
    const h = { ...headers, [SIGNATURE_HEADER[scheme]]: 'garbage' };
    // The generic default has an empty prefix, so "garbage" parses and simply does not match.
    const expected = scheme === 'hmac-sha256' ? 'mismatch' : 'malformed';
    expect(verify(scheme, verifyInput(input, h))).toEqual({ ok: false, reason: expected });
  });

  it('reads headers in any case', () => {
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]]));
    expect(verify(scheme, verifyInput(input, upper)).ok).toBe(true);
    expect(verify(scheme, verifyInput(input, lower)).ok).toBe(true);
  });

  it('treats two different values of one header as malformed', () => {
    const sig = SIGNATURE_HEADER[scheme];
    const forged = forgeHeaders(scheme, input);
    const doubled = { ...without(headers, sig), [sig.toLowerCase()]: headers[sig], [sig.toUpperCase()]: forged[sig] };
    expect(verify(scheme, verifyInput(input, doubled))).toEqual({ ok: false, reason: 'malformed' });
    expect(verify(scheme, verifyInput(input, { ...headers, [sig]: [headers[sig]!, forged[sig]!] }))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('signs raw bytes exactly', () => {
    const bin = signInput([s.current], { body: BINARY_BODY });
    const h = signHeaders(scheme, bin);
    expect(verify(scheme, verifyInput(bin, h)).ok).toBe(true);
    // The same bytes through a lossy UTF-8 round trip are a different body.
    expect(verify(scheme, verifyInput(bin, h, { body: Buffer.from(BINARY_BODY).toString('utf8') }))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rotation: signed with [new, old] verifies with only the old and only the new secret', () => {
    const both = signInput([s.current, s.previous]);
    const h = signHeaders(scheme, both);
    expect(verify(scheme, verifyInput(both, h, { secrets: [s.current] })).ok).toBe(true);
    // GitHub, Slack and generic carry one signature: the first secret's. A receiver
    // still on the old secret rejects it, which is why the new secret goes first
    // only after receivers accept both.
    const oneSlot = scheme === 'github' || scheme === 'slack' || scheme === 'hmac-sha256';
    expect(verify(scheme, verifyInput(both, h, { secrets: [s.previous] })).ok).toBe(!oneSlot);
    // A receiver holding both secrets accepts a sender still on the old one.
    const oldOnly = signInput([s.previous]);
    expect(verify(scheme, verifyInput(oldOnly, signHeaders(scheme, oldOnly), { secrets: [s.current, s.previous] })).ok).toBe(true);
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [null, undefined, { [SIGNATURE_HEADER[scheme]]: 42 }, { [SIGNATURE_HEADER[scheme]]: [null] }];
    for (const h of hostile) {
      const r = verify(scheme, verifyInput(input, h as Record<string, string>));
      expect(r.ok).toBe(false);
    }
    expect(verify(scheme, { ...verifyInput(input, headers), body: null as unknown as string }).ok).toBe(false);
  });
});

describe('sign input checks', () => {
  it.each(SCHEME_NAMES)('%s: refuses no secrets, an empty secret and a non-integer timestamp', (scheme) => {
    const ok = SECRETS[scheme].current;
    expect(() => signHeaders(scheme, signInput([]))).toThrow(SigningError);
    expect(() => signHeaders(scheme, signInput([ok, '']))).toThrow(/secrets\[1\]/);
    expect(() => signHeaders(scheme, signInput([ok], { timestamp: 1.5 }))).toThrow(/timestamp/);
    expect(() => signHeaders(scheme, signInput([ok], { timestamp: -1 }))).toThrow(/timestamp/);
  });

  it('refuses an unknown scheme with the list of known ones', () => {
    expect(() => signHeaders('sha1' as SchemeName, signInput(['x']))).toThrow(/got "sha1", expected one of standard-webhooks, svix/);
    expect(verify('sha1' as SchemeName, verifyInput(signInput(['x']), {}))).toEqual({ ok: false, reason: 'malformed' });
  });
});
