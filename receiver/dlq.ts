/**
 * The dead-letter queue: events whose processing failed for good, kept so
 * an operator can inspect (`GET /dlq`) and replay them (`POST /dlq/replay`).
 * Bounded: past `limit`, the oldest entry is dropped (and logged).
 */
export interface DlqEntry {
  readonly id: string;
  readonly type: string;
  readonly payload: unknown;
  readonly requestId: string;
  readonly reason: string;
  readonly attempts: number;
  /** Unix seconds. */
  readonly failedAt: number;
}

export class DeadLetterQueue {
  readonly #entries = new Map<string, DlqEntry>();

  constructor(readonly limit = 10_000) {}

  get size(): number {
    return this.#entries.size;
  }

  /** Adds an entry; returns the entry dropped to make room, if any. */
  add(e: DlqEntry): DlqEntry | undefined {
    this.#entries.delete(e.id);
    this.#entries.set(e.id, e);
    if (this.#entries.size <= this.limit) return undefined;
    const oldest = this.#entries.values().next().value as DlqEntry;
    this.#entries.delete(oldest.id);
    return oldest;
  }

  list(): DlqEntry[] {
    return [...this.#entries.values()];
  }

  /** Removes and returns the given entries (all when `ids` is undefined). */
  take(ids?: readonly string[]): DlqEntry[] {
    const chosen = ids ? ids.map((id) => this.#entries.get(id)).filter((e): e is DlqEntry => e !== undefined) : this.list();
    for (const e of chosen) this.#entries.delete(e.id);
    return chosen;
  }
}
