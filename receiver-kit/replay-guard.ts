/**
 * Refuses an exact replay: a request whose authenticated bytes (the
 * signature's `digest`: body, and the timestamp and id where the scheme
 * signs them) were already taken while they could still verify. It is keyed
 * on what the signature proves, never on an unsigned header: a GitHub
 * delivery or an `hmac-sha256` event without `{id}` in its template replayed
 * with a new id header is the same digest. A redelivery by the sender signs
 * a new timestamp, so it is a new digest, and idempotency skips it.
 *
 * A digest is remembered until the request could no longer verify: its
 * signed timestamp plus the tolerance, or the idempotency TTL for a scheme
 * that signs no timestamp. It lives in a store like the idempotency ids
 * (bounded, and kept across a restart with the file store), claimed under
 * `replay:<digest>` by `verify` (webhook.ts) when the request verifies and
 * released when it is not taken after all (400, 503, a failed handler).
 */
/**
 * Until when (unix seconds) a digest must be remembered: its signed
 * timestamp plus the tolerance, or the idempotency TTL from now for a scheme
 * that signs no timestamp. Exactly `tolerance` away still verifies, so it is
 * kept one second longer.
 */
export function replayUntil(timestamp: number | undefined, toleranceSeconds: number, ttlSeconds: number, now: number): number {
  return timestamp === undefined ? now + ttlSeconds : timestamp + toleranceSeconds + 1;
}

/** Where the file store keeps digests: next to the ids, `ids.jsonl` → `ids.replays.jsonl`. */
export function replayStorePath(idsPath: string): string {
  return idsPath.replace(/(\.[^./\\]*)?$/, (ext) => `.replays${ext}`);
}
