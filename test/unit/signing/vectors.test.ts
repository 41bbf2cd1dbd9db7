/**
 * The vendors' own test vectors: our signer must reproduce them byte for
 * byte and our verifier must accept them.
 */
import { describe, expect, it } from 'vitest';
import { signHeaders, verify } from '../../../signing/index.js';
import { GITHUB_DOCS_VECTOR, OCTOKIT_VECTOR, sha256, SLACK_VECTOR, STRIPE_VECTOR, SW_VECTOR } from './fixtures.js';

const AT_SIGNING = { toleranceSeconds: 300 };

describe('official vectors', () => {
  it('Standard Webhooks library vector', () => {
    const v = SW_VECTOR;
    const h = signHeaders('standard-webhooks', { id: v.id, timestamp: v.timestamp, body: v.body, secrets: [v.secret] });
    expect(h).toEqual({ 'webhook-id': v.id, 'webhook-timestamp': String(v.timestamp), 'webhook-signature': v.signature });
    expect(verify('standard-webhooks', { headers: h, body: v.body, secrets: [v.secret], nowSeconds: v.timestamp, ...AT_SIGNING })).toEqual({
      ok: true,
      id: v.id,
      timestamp: v.timestamp,
      digest: sha256(`${v.id}.${v.timestamp}.${v.body}`),
    });
  });

  it('Svix: the same vector under svix-* names', () => {
    const v = SW_VECTOR;
    const h = signHeaders('svix', { id: v.id, timestamp: v.timestamp, body: v.body, secrets: [v.secret] });
    expect(h).toEqual({ 'svix-id': v.id, 'svix-timestamp': String(v.timestamp), 'svix-signature': v.signature });
  });

  it('Stripe frozen vector', () => {
    const v = STRIPE_VECTOR;
    const h = signHeaders('stripe', { id: 'unused', timestamp: v.timestamp, body: v.body, secrets: [v.secret] });
    expect(h).toEqual({ 'Stripe-Signature': v.header });
    const r = verify('stripe', { headers: { 'stripe-signature': v.header }, body: v.body, secrets: [v.secret], nowSeconds: v.timestamp, ...AT_SIGNING });
    expect(r).toEqual({ ok: true, timestamp: v.timestamp, digest: sha256(`${v.timestamp}.${v.body}`) });
  });

  it.each([
    ['GitHub docs', GITHUB_DOCS_VECTOR],
    ['octokit', OCTOKIT_VECTOR],
  ])('GitHub %s vector', (_name, v) => {
    const h = signHeaders('github', { id: 'delivery-1', timestamp: 0, body: v.body, secrets: [v.secret] });
    expect(h).toEqual({ 'X-GitHub-Delivery': 'delivery-1', 'X-Hub-Signature-256': v.signature });
    const r = verify('github', { headers: { 'x-hub-signature-256': v.signature }, body: v.body, secrets: [v.secret], nowSeconds: 0, ...AT_SIGNING });
    expect(r).toEqual({ ok: true, digest: sha256(v.body) });
  });

  it('Slack docs vector', () => {
    const v = SLACK_VECTOR;
    const h = signHeaders('slack', { id: 'unused', timestamp: v.timestamp, body: v.body, secrets: [v.secret] });
    expect(h).toEqual({ 'X-Slack-Request-Timestamp': String(v.timestamp), 'X-Slack-Signature': v.signature });
    const r = verify('slack', { headers: h, body: v.body, secrets: [v.secret], nowSeconds: v.timestamp, ...AT_SIGNING });
    expect(r).toEqual({ ok: true, timestamp: v.timestamp, digest: sha256(`v0:${v.timestamp}:${v.body}`) });
  });

  it('vectors signed as bytes give the same result as strings', () => {
    const v = SW_VECTOR;
    const h = signHeaders('standard-webhooks', { id: v.id, timestamp: v.timestamp, body: Buffer.from(v.body), secrets: [v.secret] });
    expect(h['webhook-signature']).toBe(v.signature);
  });
});
