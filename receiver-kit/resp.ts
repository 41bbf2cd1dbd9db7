/**
 * A minimal Redis client: one TCP connection, commands pipelined in order,
 * RESP2 replies (simple strings, errors, integers, bulk strings, arrays).
 * Enough for `SET NX PX`, `DEL` and `AUTH`/`SELECT`; no dependency.
 */
import { connect, type Socket } from 'node:net';

/** What the Redis store needs of a client: one command, its reply. */
export interface RedisCommander {
  command(args: readonly string[]): Promise<unknown>;
}

export interface RespOptions {
  /** `redis://[:password@]host:port[/db]`. */
  readonly url: string;
  /** Give up on a reply after this long. Default 5000 ms. */
  readonly timeoutMs?: number;
}

export class RedisError extends Error {
  override readonly name = 'RedisError';
}

type Reply = string | number | null | Reply[] | RedisError;
interface Pending { resolve(v: unknown): void; reject(e: Error): void }

const encode = (args: readonly string[]): Buffer => {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) parts.push(`$${Buffer.byteLength(a)}\r\n${a}\r\n`);
  return Buffer.from(parts.join(''));
};

/** One reply from `buf` at `at`: [reply, next offset], or undefined when incomplete. */
function parse(buf: Buffer, at: number): [Reply, number] | undefined {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const line = buf.toString('utf8', at + 1, eol);
  const next = eol + 2;
  switch (buf[at]) {
    case 0x2b: return [line, next]; // +
    case 0x2d: return [new RedisError(line), next]; // -
    case 0x3a: return [Number(line), next]; // :
    case 0x24: { // $
      const n = Number(line);
      if (n < 0) return [null, next];
      if (buf.length < next + n + 2) return undefined;
      return [buf.toString('utf8', next, next + n), next + n + 2];
    }
    case 0x2a: { // *
      const n = Number(line);
      if (n < 0) return [null, next];
      const items: Reply[] = [];
      let p = next;
      for (let i = 0; i < n; i++) {
        const r = parse(buf, p);
        if (!r) return undefined;
        items.push(r[0]);
        p = r[1];
      }
      return [items, p];
    }
    default: throw new RedisError(`unexpected reply byte 0x${(buf[at] ?? 0).toString(16)}`);
  }
}

export class RespClient implements RedisCommander {
  readonly #o: RespOptions;
  #socket?: Socket;
  #ready?: Promise<void>;
  #buf: Buffer = Buffer.alloc(0);
  readonly #pending: Pending[] = [];

  constructor(o: RespOptions) {
    const u = new URL(o.url);
    if (u.protocol !== 'redis:') throw new TypeError(`redis url: got "${u.protocol}", expected redis://host:port`);
    this.#o = o;
  }

  async command(args: readonly string[]): Promise<unknown> {
    await this.#connect();
    return this.#send(args);
  }

  async close(): Promise<void> {
    const s = this.#socket;
    this.#socket = undefined;
    this.#ready = undefined;
    if (s && !s.destroyed) await new Promise<void>((ok) => s.end(ok));
  }

  #send(args: readonly string[]): Promise<unknown> {
    const s = this.#socket!;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new RedisError(`no reply to ${args[0]} within ${this.#o.timeoutMs ?? 5000} ms`));
        s.destroy();
      }, this.#o.timeoutMs ?? 5000);
      this.#pending.push({
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      s.write(encode(args));
    });
  }

  #connect(): Promise<void> {
    if (this.#ready && this.#socket && !this.#socket.destroyed) return this.#ready;
    const u = new URL(this.#o.url);
    const s = connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    s.setNoDelay(true);
    this.#socket = s;
    this.#buf = Buffer.alloc(0);
    // Only the current socket's events touch the queue: a late close of an old one must not fail new commands.
    const current = () => this.#socket === s;
    s.on('data', (d: Buffer) => {
      try {
        this.#onData(d);
      } catch (e) {
        // Not RESP (say, not Redis at that port): fail what waits and drop the connection.
        this.#failAll(e as Error);
        s.destroy();
      }
    });
    s.on('close', () => {
      if (current()) this.#failAll(new RedisError(`connection to ${u.host} closed`));
    });
    this.#ready = new Promise<void>((resolve, reject) => {
      s.once('connect', resolve);
      // Kept for the socket's life: an 'error' with no listener would crash the user's process.
      s.on('error', (e) => {
        if (current()) this.#failAll(e);
        reject(e);
      });
    }).then(async () => {
      const password = decodeURIComponent(u.password);
      if (password) await this.#send(u.username ? ['AUTH', decodeURIComponent(u.username), password] : ['AUTH', password]);
      const db = u.pathname.replace(/^\//, '');
      if (db) await this.#send(['SELECT', db]);
    });
    this.#ready.catch(() => undefined);
    return this.#ready;
  }

  #onData(d: Buffer): void {
    this.#buf = this.#buf.length ? Buffer.concat([this.#buf, d]) : d;
    let at = 0;
    for (;;) {
      const r = at < this.#buf.length ? parse(this.#buf, at) : undefined;
      if (!r) break;
      at = r[1];
      const p = this.#pending.shift();
      if (r[0] instanceof RedisError) p?.reject(r[0]);
      else p?.resolve(r[0]);
    }
    this.#buf = this.#buf.subarray(at);
  }

  #failAll(e: Error): void {
    for (const p of this.#pending.splice(0)) p.reject(e);
  }
}
