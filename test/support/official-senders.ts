/**
 * Signed requests made by the vendors' own sender libraries, not by
 * hookwatch's signing/: what a receiver built on the library really gets.
 */
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';

export const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const STRIPE_SECRET = 'whsec_test_receiver_kit';
export const GITHUB_SECRET = 'github receiver-kit secret';

export interface SignedRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

const json = { 'content-type': 'application/json' };

/** `standardwebhooks`' Webhook.sign: webhook-id, webhook-timestamp, webhook-signature. */
export function standardWebhooksRequest(id: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000), secret = SW_SECRET): SignedRequest {
  const signature = new Webhook(secret).sign(id, new Date(timestampSeconds * 1000), body);
  return { body, headers: { ...json, 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signature } };
}

/** stripe-node's generateTestHeaderString: Stripe-Signature t=…,v1=…. */
export function stripeRequest(body: string, timestampSeconds = Math.floor(Date.now() / 1000), secret = STRIPE_SECRET): SignedRequest {
  return { body, headers: { ...json, 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: timestampSeconds }) } };
}

/** @octokit/webhooks-methods' sign: X-Hub-Signature-256, with the delivery and event headers GitHub sends. */
export async function githubRequest(delivery: string, event: string, body: string, secret = GITHUB_SECRET): Promise<SignedRequest> {
  return { body, headers: { ...json, 'x-hub-signature-256': await octokitSign(secret, body), 'x-github-delivery': delivery, 'x-github-event': event } };
}

/** POSTs a signed request; the status, body and X-Request-ID of the answer. */
export async function post(url: string, r: SignedRequest, extra: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; requestId: string | null }> {
  const res = await fetch(url, { method: 'POST', headers: { ...r.headers, ...extra }, body: r.body });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: res.status, body, requestId: res.headers.get('x-request-id') };
}
