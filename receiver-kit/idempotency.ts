/**
 * Idempotency: an event id processed once is skipped on redelivery. Entries
 * expire after a TTL and the store is bounded. The file store appends one
 * line per id (`exp: 0` forgets one) and reloads them at start, so a
 * restart keeps them. Synchronous: the reference receiver checks them inline;
 * the library's `DedupeStore`s (`stores.ts`) are built on them.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface IdempotencyStore {
  /** True if the id was recorded and has not expired. */
  has(id: string): boolean;
  /** Remembers `id` until `expiresAt` (unix seconds), by default for the TTL. */
  add(id: string, expiresAt?: number): void;
  /** Forgets `id` (a claim whose processing failed, so a redelivery runs again). */
  delete(id: string): void;
  readonly size: number;
  /** False when the backing storage cannot be written (health check). */
  writable(): boolean;
}

export class MemoryStore implements IdempotencyStore {
  protected readonly entries = new Map<string, number>();

  constructor(protected readonly ttlSeconds: number, protected readonly maxEntries: number, protected readonly now: () => number = () => Date.now() / 1000) {}

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    const exp = this.entries.get(id);
    if (exp === undefined) return false;
    if (exp <= this.now()) {
      this.entries.delete(id);
      return false;
    }
    return true;
  }

  add(id: string, expiresAt = this.now() + this.ttlSeconds): void {
    this.remember(id, expiresAt);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  writable(): boolean {
    return true;
  }

  protected remember(id: string, expiresAt: number): void {
    this.entries.delete(id);
    this.entries.set(id, expiresAt);
    // Map keeps insertion order: the first entries are the oldest.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export class FileStore extends MemoryStore {
  #appends = 0;
  #ok = true;

  constructor(readonly path: string, ttlSeconds: number, maxEntries: number, now?: () => number) {
    super(ttlSeconds, maxEntries, now);
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const { id, exp } = JSON.parse(line) as { id: string; exp: number };
          if (typeof id !== 'string' || typeof exp !== 'number') continue;
          // A later line for the same id wins: `exp: 0` is a deletion.
          if (exp > this.now()) this.remember(id, exp);
          else this.entries.delete(id);
        } catch {
          // A torn last line after a crash: skip it.
        }
      }
      this.#compact();
    }
  }

  override add(id: string, exp = this.now() + this.ttlSeconds): void {
    this.remember(id, exp);
    this.#append(id, exp);
  }

  #append(id: string, exp: number): void {
    try {
      appendFileSync(this.path, `${JSON.stringify({ id, exp })}\n`);
      this.#ok = true;
    } catch {
      this.#ok = false;
    }
    if (++this.#appends >= this.maxEntries) this.#compact();
  }

  override delete(id: string): void {
    if (!this.entries.has(id)) return;
    this.entries.delete(id);
    this.#append(id, 0);
  }

  override writable(): boolean {
    return this.#ok;
  }

  /** Rewrites the file with live entries only, atomically. */
  #compact(): void {
    const now = this.now();
    const lines = [...this.entries].filter(([, exp]) => exp > now).map(([id, exp]) => JSON.stringify({ id, exp }));
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, lines.length ? `${lines.join('\n')}\n` : '');
    renameSync(tmp, this.path);
    this.#appends = 0;
  }
}
