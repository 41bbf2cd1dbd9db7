/**
 * Where the library remembers event ids (idempotency) and verified digests
 * (replay guard): a `DedupeStore` claims a key for a time, atomically, the
 * way Redis' `SET key 1 NX PX ttl` does, so two deliveries of one event
 * racing each other are one claim and one duplicate.
 *
 * In-memory and file stores are the reference receiver's stores
 * (`idempotency.ts`); the Redis store speaks to any client given as
 * `{ command(args) }` (the built-in RESP client, node-redis' `sendCommand`,
 * ioredis' `call`), so several receiver instances share one window.
 */
import { FileStore, MemoryStore, type IdempotencyStore } from './idempotency.js';
import { RespClient, type RedisCommander, type RespOptions } from './resp.js';

export interface DedupeStore {
  /** Remembers `key` for `ttlMs`; false when it was already remembered (and not expired). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets `key`: its processing failed, so the sender's retry must run again. */
  release(key: string): Promise<void>;
  /** Closes a connection or file the store opened itself. */
  close(): Promise<void>;
}

export interface LocalStoreOptions {
  /** Keys kept at most; past it the oldest is forgotten. Default 100,000. */
  readonly maxEntries?: number;
  /** Unix seconds, for tests. */
  readonly now?: () => number;
}

const MAX_ENTRIES = 100_000;

/** A DedupeStore over one of the synchronous stores (the reference receiver keeps those for its health check). */
export function dedupeStoreOf(store: IdempotencyStore, now: () => number): DedupeStore {
  return {
    claim: async (key, ttlMs) => {
      if (store.has(key)) return false;
      store.add(key, now() + ttlMs / 1000);
      return true;
    },
    release: async (key) => store.delete(key),
    close: async () => undefined,
  };
}

const clock = (o: LocalStoreOptions) => o.now ?? (() => Date.now() / 1000);

/** Keys in this process only: lost on restart, not shared between instances. */
export function memoryStore(o: LocalStoreOptions = {}): DedupeStore {
  const now = clock(o);
  return dedupeStoreOf(new MemoryStore(0, o.maxEntries ?? MAX_ENTRIES, now), now);
}

/** Keys in a JSON Lines file (one line per claim, compacted): kept across a restart of one instance. */
export function fileStore(path: string, o: LocalStoreOptions = {}): DedupeStore {
  const now = clock(o);
  return dedupeStoreOf(new FileStore(path, 0, o.maxEntries ?? MAX_ENTRIES, now), now);
}

export interface RedisStoreOptions {
  /** A client of your own: `{ command: (args) => client.sendCommand(args) }` for node-redis. */
  readonly client?: RedisCommander;
  /** Else the built-in client connects here: `redis://[:password@]host:port[/db]`. */
  readonly url?: string;
  /** Put before every key, so one Redis serves several receivers. Default `hookwatch:`. */
  readonly prefix?: string;
  readonly resp?: Omit<RespOptions, 'url'>;
}

/** Keys in Redis (`SET NX PX`, `DEL`): shared by every instance, kept across restarts. */
export function redisStore(o: RedisStoreOptions): DedupeStore {
  if (!o.client && !o.url) throw new TypeError('redisStore: expected a client ({ command(args) }) or a url (redis://host:port)');
  const own = o.client ? undefined : new RespClient({ ...o.resp, url: o.url! });
  const client = o.client ?? own!;
  const prefix = o.prefix ?? 'hookwatch:';
  return {
    claim: async (key, ttlMs) => (await client.command(['SET', prefix + key, '1', 'NX', 'PX', String(Math.max(1, Math.ceil(ttlMs)))])) === 'OK',
    release: async (key) => void (await client.command(['DEL', prefix + key])),
    close: async () => own?.close(),
  };
}
