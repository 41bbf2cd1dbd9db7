/**
 * Where in its interval each target probes: a stable fraction of the
 * interval from a hash of the target's key (`endpoint/check`), so 10,000
 * endpoints on a 60 s schedule start about 170 apart per second instead of
 * all at the top of the second, and every restart, reload and replica puts
 * a target at the same place.
 */

/** FNV-1a, 32 bits, of the UTF-16 code units: small, fast and well spread for short keys. */
export function hash32(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3's fmix32), so keys differing only at the end still spread.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The target's place in its interval, in [0, 1). */
export function spreadFraction(key: string): number {
  return hash32(key) / 2 ** 32;
}

/**
 * The first slot at or after `nowMs` of a target probing every `everyMs`
 * at its offset: slots are `k × everyMs + offset` from the unix epoch, so
 * they do not depend on when the prober started.
 */
export function nextSlot(key: string, everyMs: number, nowMs: number): number {
  const offset = spreadFraction(key) * everyMs;
  const k = Math.ceil((nowMs - offset) / everyMs);
  return k * everyMs + offset;
}
