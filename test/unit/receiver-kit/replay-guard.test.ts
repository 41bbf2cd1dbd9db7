/**
 * How long `verify` remembers a digest: until the request could no longer
 * verify (signed timestamp + tolerance, inclusive), or the idempotency TTL
 * for a scheme that signs no timestamp; and the file path the reference
 * receiver keeps them in. Clock injected; signed by signing/.
 */
import { describe, expect, it } from 'vitest';
import { replayStorePath, replayUntil } from '../../../receiver-kit/replay-guard.js';
import { createWebhook, memoryStore, type SchemeName } from '../../../receiver-kit/index.js';
import { signHeaders } from '../../../signing/index.js';

const TOLERANCE = 300;
const TTL = 86_400;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function rig(scheme: SchemeName) {
  const clock = { t: 1_800_000_000 };
  const now = () => clock.t;
  const hook = createWebhook({ endpoint: 'p', scheme, secrets: [SECRET], toleranceSeconds: TOLERANCE, idempotencyTtlSeconds: TTL, store: memoryStore({ now }), now });
  const request = (timestamp: number) => {
    const body = JSON.stringify({ id: `evt_${timestamp}`, type: 't' });
    return { body, headers: signHeaders(scheme, { id: `evt_${timestamp}`, timestamp, body, secrets: [SECRET] }) };
  };
  const answer = async (r: ReturnType<typeof request>) => {
    const v = await hook.verify(r);
    return v.ok ? 'ok' : v.error;
  };
  return { clock, request, answer };
}

describe('replay window', () => {
  it('refuses a timestamped request again while it still verifies, inclusive at the tolerance; then it is stale', async () => {
    const { clock, request, answer } = rig('standard-webhooks');
    const req = request(clock.t - 10);
    expect(await answer(req)).toBe('ok');
    clock.t = clock.t - 10 + TOLERANCE;
    expect(await answer(req)).toBe('replayed request');
    clock.t += 1;
    expect(await answer(req)).toBe('signature stale');
  });

  it('keeps a future timestamp (Stripe accepts those) until it is stale', async () => {
    const { clock, request, answer } = rig('stripe');
    const ts = clock.t + 3600;
    const req = request(ts);
    expect(await answer(req)).toBe('ok');
    clock.t = ts + TOLERANCE - 1;
    expect(await answer(req)).toBe('replayed request');
  });

  it('remembers a request without a signed timestamp (GitHub) for the idempotency TTL', async () => {
    const { clock, request, answer } = rig('github');
    const start = clock.t;
    const req = request(start);
    expect(await answer(req)).toBe('ok');
    clock.t = start + TTL - 1;
    expect(await answer(req)).toBe('replayed request');
    clock.t = start + TTL;
    expect(await answer(req)).toBe('ok');
  });

  it('computes the same limits as a rule', () => {
    expect(replayUntil(1000, TOLERANCE, TTL, 5000)).toBe(1000 + TOLERANCE + 1);
    expect(replayUntil(undefined, TOLERANCE, TTL, 5000)).toBe(5000 + TTL);
  });

  it('keeps digests in a file next to the ids', () => {
    expect(replayStorePath('/state/primary-ids.jsonl')).toBe('/state/primary-ids.replays.jsonl');
    expect(replayStorePath('/state.d/ids')).toBe('/state.d/ids.replays');
  });
});
