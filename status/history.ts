/**
 * The status page's memory: one ring per endpoint and check, nothing else
 * that grows, within one total budget (`prober.history_memory_mib`): each
 * ring holds `history_size` results, or fewer when that many for every
 * target would not fit (the budget's equal share, at least
 * `MIN_HISTORY`). Rings of targets that left the config are dropped on
 * sync, so a reload that removes endpoints frees their history, and one
 * that adds endpoints shortens every ring to keep the total.
 */
import type { Config } from '../config/index.js';
import { targetKey } from '../prober/index.js';
import type { ProbeOutcome, ProbeTarget } from '../prober/index.js';
import { BYTES_PER_ENTRY, ProbeRing, RING_OVERHEAD_BYTES } from './ring.js';
import { FLAP_WINDOW } from './state.js';

/** The shortest history a check keeps whatever the budget: enough for its state and flapping (`FLAP_WINDOW`) and a short chart. */
export const MIN_HISTORY = Math.max(10, FLAP_WINDOW);

export interface HistoryLimits {
  /** Results wanted per endpoint and check (`prober.history_size`). */
  readonly size: number;
  /** Total bytes for every ring together (`prober.history_memory_mib`). */
  readonly budgetBytes: number;
}

/** The limits a config sets. */
export function historyLimits(config: Config): HistoryLimits {
  return { size: config.prober.historySize, budgetBytes: config.prober.historyMemoryBytes };
}

/** Results each of `targets` rings keeps within the limits. */
export function historyCapacity(limits: HistoryLimits, targets: number): number {
  if (targets <= 0) return limits.size;
  const share = Math.floor((limits.budgetBytes / targets - RING_OVERHEAD_BYTES) / BYTES_PER_ENTRY);
  return Math.min(limits.size, Math.max(MIN_HISTORY, share));
}

export class StatusHistory {
  #limits: HistoryLimits;
  #capacity: number;
  readonly #rings = new Map<string, ProbeRing>();

  /** @param limits a number is `history_size` alone, with no memory budget (tests). */
  constructor(limits: HistoryLimits | number, targets = 0) {
    if (typeof limits === 'number') limits = { size: limits, budgetBytes: Infinity };
    this.#limits = limits;
    this.#capacity = historyCapacity(limits, targets);
    // Validates the capacity once, at the edge, with the ring's own message.
    void new ProbeRing(this.#capacity);
  }

  /** Results kept per endpoint and check now. */
  get capacity(): number {
    return this.#capacity;
  }

  get limits(): HistoryLimits {
    return this.#limits;
  }

  /** Whether the memory budget, not `history_size`, sets the capacity. */
  get limitedByBudget(): boolean {
    return this.#capacity < this.#limits.size;
  }

  /** Bytes the rings take when full, about. */
  get bytesWhenFull(): number {
    return this.#rings.size * (RING_OVERHEAD_BYTES + this.#capacity * BYTES_PER_ENTRY);
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
   * Keeps only the rings of the current targets and applies the capacity
   * their number and the limits give (after a reload), keeping each ring's
   * newest entries.
   */
  sync(targets: readonly ProbeTarget[], limits: HistoryLimits): void {
    const keep = new Set(targets.map((t) => targetKey(t.endpoint.name, t.check.kind)));
    for (const key of [...this.#rings.keys()]) if (!keep.has(key)) this.#rings.delete(key);
    this.#limits = limits;
    const capacity = historyCapacity(limits, targets.length);
    if (capacity === this.#capacity) return;
    this.#capacity = capacity;
    for (const [key, ring] of this.#rings) this.#rings.set(key, ring.resized(capacity));
  }
}
