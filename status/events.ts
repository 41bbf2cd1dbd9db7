/**
 * Server-sent events for the status page: each open page gets the status
 * JSON pushed after probes finish, at most once per `minIntervalMs`, so a
 * burst of probes costs one build and one write per client.
 *
 * Bounded: at most `maxClients` streams (more get 503 and the page falls
 * back to polling), and a client that stops reading is dropped once its
 * unsent data passes MAX_BUFFERED rather than buffered without end.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BUFFERED = 1 << 20;
const HEARTBEAT_MS = 20_000;

export interface EventHubOptions {
  /** Builds the payload (the status JSON) once per push. */
  readonly payload: () => Promise<string>;
  readonly maxClients?: number;
  readonly minIntervalMs?: number;
}

export class EventHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #opts: Required<EventHubOptions>;
  #timer: NodeJS.Timeout | undefined;
  #lastPush = 0;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(opts: EventHubOptions) {
    this.#opts = { maxClients: 32, minIntervalMs: 1000, ...opts };
    // Proxies close idle streams; a comment line keeps them open.
    this.#heartbeat = setInterval(() => this.#write(': ping\n\n'), HEARTBEAT_MS).unref();
  }

  get clients(): number {
    return this.#clients.size;
  }

  /** The `/api/events` route. */
  readonly route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (this.#clients.size >= this.#opts.maxClients) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' }).end('Too many status streams; poll /api/status\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    this.#clients.add(res);
    req.once('close', () => this.#clients.delete(res));
    res.write('retry: 3000\n\n');
    res.write(event(await this.#opts.payload()));
  };

  /** Something changed: push soon (throttled). */
  notify(): void {
    if (this.#timer || !this.#clients.size) return;
    const wait = Math.max(0, this.#lastPush + this.#opts.minIntervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#lastPush = Date.now();
      this.#opts.payload().then((p) => {
        this.#timer = undefined;
        this.#write(event(p));
      }, () => { this.#timer = undefined; });
    }, wait);
    this.#timer.unref();
  }

  /** Ends every stream and stops the timers. */
  close(): void {
    clearInterval(this.#heartbeat);
    clearTimeout(this.#timer);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(chunk: string): void {
    for (const res of this.#clients) {
      if (res.writableLength > MAX_BUFFERED) {
        this.#clients.delete(res);
        res.destroy();
      } else res.write(chunk);
    }
  }
}

/** One `status` event; JSON has no raw newlines, so a single data line suffices. */
function event(json: string): string {
  return `event: status\ndata: ${json}\n\n`;
}
