/**
 * Refuses a request seen before: the same id, timestamp and signature within
 * the tolerance window is a replay (an attacker resending a captured
 * request), while the same id with a new timestamp and signature is the
 * sender's redelivery, which idempotency handles.
 */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();

  constructor(private readonly windowSeconds: number, private readonly now: () => number = () => Date.now() / 1000) {}

  /** Records the request; false if it was already seen within the window. */
  check(id: string, timestamp: string, signature: string): boolean {
    const t = this.now();
    for (const [k, exp] of this.#seen) {
      if (exp > t) break; // insertion order = expiry order
      this.#seen.delete(k);
    }
    const key = `${id}\u0000${timestamp}\u0000${signature}`;
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, t + 2 * this.windowSeconds);
    return true;
  }
}
