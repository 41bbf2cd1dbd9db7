/**
 * When the next attempt happens: the configured delay for that attempt with
 * ± jitter, but never before the receiver's Retry-After.
 */
export function nextDelaySeconds(delays: readonly number[], attempt: number, jitter: number, random: () => number, retryAfterSeconds?: number): number | null {
  // `attempt` just failed (1-based); delays[attempt] is the wait before attempt + 1.
  const base = delays[attempt];
  if (base === undefined) return null;
  const jittered = base * (1 + jitter * (2 * random() - 1));
  return Math.max(jittered, retryAfterSeconds ?? 0);
}
