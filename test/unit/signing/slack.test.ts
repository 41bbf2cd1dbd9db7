/**
 * Slack against Bolt's `verifySlackRequest` (clock pinned through
 * `nowMilliseconds`), plus the stale-only window of our verifier.
 */
import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { forgeHeaders, signHeaders, verify } from '../../../signing/index.js';
import { sha256, signInput, TOLERANCE, verifyInput } from './fixtures.js';

const NEW = 'slack-secret-new';
const OLD = 'slack-secret-old';

/** Bolt's check at `nowSeconds`; throws on failure. */
const boltVerify = (secret: string, body: string, headers: Record<string, string>, nowSeconds: number) => () =>
  verifySlackRequest({
    signingSecret: secret,
    body,
    headers: { 'x-slack-signature': headers['X-Slack-Signature']!, 'x-slack-request-timestamp': Number(headers['X-Slack-Request-Timestamp']) },
    nowMilliseconds: nowSeconds * 1000,
  });

describe('slack: accepted by @slack/bolt', () => {
  const input = signInput([NEW]);
  const body = input.body as string;
  const h = signHeaders('slack', input);

  it('accepts our headers, at the signing time and at the end of its window', () => {
    expect(boltVerify(NEW, body, h, input.timestamp)).not.toThrow();
    expect(boltVerify(NEW, body, h, input.timestamp + TOLERANCE)).not.toThrow();
  });

  it('rejects forged headers, a tampered body, a wrong secret and a stale timestamp', () => {
    expect(boltVerify(NEW, body, forgeHeaders('slack', input), input.timestamp)).toThrow(/signature mismatch/);
    expect(boltVerify(NEW, body + ' ', h, input.timestamp)).toThrow(/signature mismatch/);
    expect(boltVerify(OLD, body, h, input.timestamp)).toThrow(/signature mismatch/);
    expect(boltVerify(NEW, body, h, input.timestamp + TOLERANCE + 1)).toThrow(/stale/);
  });

  it('rotation: one signature slot, signed by the first secret', () => {
    const both = signInput([NEW, OLD]);
    expect(signHeaders('slack', both)).toEqual(h);
  });
});

describe('slack: our verifier', () => {
  const input = signInput([NEW]);
  const h = signHeaders('slack', input);
  const at = (nowSeconds: number) => verify('slack', verifyInput(input, h, { nowSeconds }));

  it('rejects stale timestamps only, inclusive at the tolerance, as Bolt does', () => {
    expect(at(input.timestamp + TOLERANCE)).toEqual({ ok: true, timestamp: input.timestamp, digest: sha256(`v0:${input.timestamp}:${input.body}`) });
    expect(at(input.timestamp + TOLERANCE + 1)).toEqual({ ok: false, reason: 'stale' });
    expect(at(input.timestamp - 10 * TOLERANCE).ok).toBe(true);
  });

  it('signs the timestamp', () => {
    const moved = { ...h, 'X-Slack-Request-Timestamp': String(input.timestamp + 1) };
    expect(verify('slack', verifyInput(input, moved))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('reports a missing or malformed timestamp and an unknown version', () => {
    expect(verify('slack', verifyInput(input, { 'X-Slack-Signature': h['X-Slack-Signature'] }))).toEqual({ ok: false, reason: 'missing_header' });
    expect(verify('slack', verifyInput(input, { ...h, 'X-Slack-Request-Timestamp': 'soon' }))).toEqual({ ok: false, reason: 'malformed' });
    const v1 = h['X-Slack-Signature']!.replace(/^v0=/, 'v1=');
    expect(verify('slack', verifyInput(input, { ...h, 'X-Slack-Signature': v1 }))).toEqual({ ok: false, reason: 'malformed' });
  });
});
