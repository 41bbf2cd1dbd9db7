/**
 * How long the replay guard remembers a digest: until the request could no
 * longer verify (signed timestamp + tolerance), or the idempotency TTL for
 * a scheme that signs no timestamp; the file path it keeps them in.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../receiver-kit/idempotency.js';
import { ReplayGuard, replayStorePath } from '../../../receiver-kit/replay-guard.js';

const TOLERANCE = 300;
const TTL = 86_400;

function guard(): { g: ReplayGuard; clock: { t: number } } {
  const clock = { t: 1_800_000_000 };
  const now = () => clock.t;
  return { g: new ReplayGuard(new MemoryStore(TTL, 1000, now), TOLERANCE, TTL, now), clock };
}

describe('replay guard', () => {
  it('remembers a timestamped request while it still verifies, inclusive at the tolerance', () => {
    const { g, clock } = guard();
    const ts = clock.t - 10;
    g.remember('d1', ts);
    clock.t = ts + TOLERANCE;
    expect(g.seen('d1')).toBe(true);
    // One second later verify answers stale: nothing left to remember.
    clock.t = ts + TOLERANCE + 1;
    expect(g.seen('d1')).toBe(false);
  });

  it('keeps a future timestamp (Stripe and Slack accept those) until it is stale', () => {
    const { g, clock } = guard();
    const ts = clock.t + 3600;
    g.remember('d2', ts);
    clock.t = ts + TOLERANCE - 1;
    expect(g.seen('d2')).toBe(true);
  });

  it('remembers a request without a signed timestamp for the idempotency TTL', () => {
    const { g, clock } = guard();
    const start = clock.t;
    g.remember('d3');
    clock.t = start + TTL - 1;
    expect(g.seen('d3')).toBe(true);
    clock.t = start + TTL;
    expect(g.seen('d3')).toBe(false);
  });

  it('keeps digests in a file next to the ids', () => {
    expect(replayStorePath('/state/primary-ids.jsonl')).toBe('/state/primary-ids.replays.jsonl');
    expect(replayStorePath('/state.d/ids')).toBe('/state.d/ids.replays');
  });
});
