/**
 * The Idempotency-Keys an `http` source has applied, with what each batch
 * produced. Saved in the checkpoint together with the counts, so a key is
 * remembered exactly when its lines are: after a crash, a retried batch
 * whose first try was checkpointed is found here, one that was not is not.
 *
 * Bounded: a key is forgotten `ttl` seconds after it was applied, and the
 * oldest are forgotten first beyond `maxEntries`. A retry after that is
 * applied again, so a client must retry within the window.
 */

/** What a batch produced: lines counted as records and lines refused. */
export interface BatchOutcome {
  readonly accepted: number;
  readonly rejected: number;
}

export interface RememberedBatch extends BatchOutcome {
  /** Unix seconds it was applied. */
  readonly at: number;
  /** Digest of the body, so the same key with another body is refused rather than dropped. */
  readonly digest: string;
}

export interface KeyLimits {
  readonly ttlSeconds: number;
  readonly maxEntries: number;
}

/** Checkpoint form, oldest first: `[key, at, accepted, rejected, digest]`. */
export type SerializedBatchKeys = readonly (readonly [string, number, number, number, string])[];

export class BatchKeys {
  /** Insertion order is application order: the first entry is the oldest. */
  private readonly byKey = new Map<string, RememberedBatch>();

  constructor(private limits: KeyLimits, private readonly now: () => number, saved: SerializedBatchKeys = []) {
    for (const [key, at, accepted, rejected, digest] of saved) this.byKey.set(key, { at, accepted, rejected, digest });
    this.evict();
  }

  /** The batch applied under `key`, while it is within the window. */
  get(key: string): RememberedBatch | undefined {
    this.evict();
    return this.byKey.get(key);
  }

  /** Remembers a batch just applied under `key`. */
  remember(key: string, batch: BatchOutcome & { readonly digest: string }): void {
    this.byKey.delete(key);
    this.byKey.set(key, { ...batch, at: this.now() });
    this.evict();
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Applies reloaded limits (a smaller window forgets the oldest keys now). */
  reconfigure(limits: KeyLimits): void {
    this.limits = limits;
    this.evict();
  }

  toJSON(): SerializedBatchKeys {
    this.evict();
    return [...this.byKey].map(([key, b]) => [key, b.at, b.accepted, b.rejected, b.digest] as const);
  }

  /** Forgets keys older than the ttl, then the oldest beyond the count. */
  private evict(): void {
    const oldest = this.now() - this.limits.ttlSeconds;
    for (const [key, b] of this.byKey) {
      if (b.at > oldest && this.byKey.size <= this.limits.maxEntries) break;
      this.byKey.delete(key);
    }
  }
}
