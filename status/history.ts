/**
 * The status page's memory: one ring per endpoint and check, nothing else
 * that grows. Rings of targets that left the config are dropped on sync, so
 * a reload that removes endpoints frees their history.
 */
import { targetKey } from '../prober/index.js';
import type { ProbeOutcome, ProbeTarget } from '../prober/index.js';
import { ProbeRing } from './ring.js';

export class StatusHistory {
  #capacity: number;
  readonly #rings = new Map<string, ProbeRing>();

  /** @param capacity entries per endpoint and check (`prober.history_size`). */
  constructor(capacity: number) {
    this.#capacity = capacity;
    // Validates the capacity once, at the edge, with the ring's own message.
    void new ProbeRing(capacity);
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Number of rings held (one per endpoint and check seen). */
  get size(): number {
    return this.#rings.size;
  }

  /** Records one probe result (the prober's `onResult`). */
  record(o: ProbeOutcome): void {
    const key = targetKey(o.endpoint, o.check);
    let ring = this.#rings.get(key);
    if (!ring) this.#rings.set(key, (ring = new ProbeRing(this.#capacity)));
    ring.push(o);
  }

  /** The ring of a target, if it has any result yet. */
  ring(endpoint: string, check: ProbeTarget['check']['kind']): ProbeRing | undefined {
    return this.#rings.get(targetKey(endpoint, check));
  }

  /**
   * Keeps only the rings of the current targets and applies a changed
   * capacity (after a reload), keeping each ring's newest entries.
   */
  sync(targets: readonly ProbeTarget[], capacity: number): void {
    const keep = new Set(targets.map((t) => targetKey(t.endpoint.name, t.check.kind)));
    for (const key of [...this.#rings.keys()]) if (!keep.has(key)) this.#rings.delete(key);
    if (capacity === this.#capacity) return;
    this.#capacity = capacity;
    for (const [key, ring] of this.#rings) this.#rings.set(key, ring.resized(capacity));
  }
}
