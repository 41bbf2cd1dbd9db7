/**
 * Attempt numbers for formats that carry none (a Svix `MessageAttemptOut`,
 * a Convoy `DeliveryAttempt`): the attempts of one event to one endpoint
 * are numbered 1, 2, 3 … in log order, so the second and later ones count
 * as retries. Memory is bounded: at most `limit` (event, endpoint) pairs,
 * the least recently seen forgotten first, and a pair is forgotten as soon
 * as an attempt delivers it (only events still failing are remembered).
 * The pairs are part of the checkpoint, so a restart does not reset them.
 *
 * Limits: the numbering follows the order lines are read, so a log must be
 * written oldest first (an API listing, newest first, must be reversed: the
 * retries still add up, but the delivered attempt ends the count early).
 * One memory serves every source of an exporter, so attempts split across
 * files or sources are numbered together, but not across two exporters.
 * A pair forgotten by the cap, or sent again by hand after it was
 * delivered, starts again at 1.
 */

/** The JSON form in the checkpoint: [key, attempts seen] from least to most recently seen. */
export type SerializedAttempts = readonly (readonly [string, number])[];

const SEP = '\u0000';

export class AttemptMemory {
  /** Insertion order is recency order: a touched key is deleted and set again. */
  private readonly seen = new Map<string, number>();

  constructor(private limit: number, saved: SerializedAttempts = []) {
    for (const [k, n] of saved) if (typeof k === 'string' && Number.isInteger(n) && n > 0) this.seen.set(k, n);
    this.trim();
  }

  /** Applies a new cap (config reload). */
  reconfigure(limit: number): void {
    this.limit = limit;
    this.trim();
  }

  /** The number of this attempt of `eventId` to `endpoint`; `done` forgets the pair (it was delivered). */
  next(eventId: string, endpoint: string, done: boolean): number {
    const key = `${eventId}${SEP}${endpoint}`;
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.delete(key);
    if (!done) {
      this.seen.set(key, n);
      this.trim();
    }
    return n;
  }

  get size(): number {
    return this.seen.size;
  }

  toJSON(): [string, number][] {
    return [...this.seen];
  }

  private trim(): void {
    for (const k of this.seen.keys()) {
      if (this.seen.size <= this.limit) return;
      this.seen.delete(k);
    }
  }
}
