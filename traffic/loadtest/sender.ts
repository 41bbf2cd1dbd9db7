/**
 * One signed synthetic event per call, over a keep-alive connection pool.
 *
 * Why a pool and not the prober's fresh connection per request
 * (`timedRequest`): at 2000/s a new TCP connection per send leaves each
 * closed socket in TIME_WAIT for ~60 s, which exhausts the ~28k ephemeral
 * ports of a loopback run within seconds, and the client's own connection
 * setup would dominate what we measure on a two-core machine. A load test
 * measures the receiver under sustained traffic, which is what webhook
 * senders send over keep-alive too. Failures keep the shared
 * classification (`classifyError`) so error kinds mean the same everywhere.
 */
import { Pool } from 'undici';
import type { EndpointConfig } from '../../config/index.js';
import { classifyError, signatureHeaders, syntheticEvent } from '../../http/index.js';
import type { SendOutcome } from './stats.js';

export interface SenderOptions {
  readonly endpoint: EndpointConfig;
  /** One socket per in-flight slot. */
  readonly connections: number;
  readonly timeoutSeconds: number;
  readonly userAgent: string;
  /** PEM of the endpoint's tls.ca_file, read by the caller. */
  readonly ca?: string;
  /** Body template of the endpoint's delivery check, if any. */
  readonly template?: string;
  /** Monotonic seconds, for latencies. */
  readonly now: () => number;
  /** Wall clock, unix seconds, for event timestamps and signatures. */
  readonly nowSeconds: () => number;
  readonly newId: () => string;
}

/** Sends events to one endpoint; `close()` when the run is over. */
export class EventSender {
  readonly #o: SenderOptions;
  readonly #pool: Pool;
  readonly #url: URL;

  constructor(o: SenderOptions) {
    this.#o = o;
    this.#url = new URL(o.endpoint.url);
    const tls = o.endpoint.tls;
    this.#pool = new Pool(this.#url.origin, {
      connections: o.connections,
      connect: {
        rejectUnauthorized: !tls.insecureSkipVerify,
        ...(o.ca ? { ca: o.ca } : {}),
        ...(tls.serverName ? { servername: tls.serverName } : {}),
        timeout: o.timeoutSeconds * 1000,
      },
      headersTimeout: o.timeoutSeconds * 1000,
      bodyTimeout: o.timeoutSeconds * 1000,
    });
  }

  /**
   * Sends event number `seq` and resolves with its outcome; never rejects.
   * Redirects are not followed: a redirect could leave the loopback
   * address the run was allowed to load.
   */
  async send(seq: number): Promise<SendOutcome> {
    const { endpoint: e, now } = this.#o;
    const event = syntheticEvent({ id: this.#o.newId(), nowSeconds: this.#o.nowSeconds(), events: e.events, sequence: seq, endpoint: e.name, ...(this.#o.template !== undefined ? { template: this.#o.template } : {}) });
    const signing = signatureHeaders(e.signing, event);
    const signal = AbortSignal.timeout(this.#o.timeoutSeconds * 1000);
    // Latency counts from the dispatch, not the planned time: a send that
    // cannot go out on time is dropped rather than delayed, so the only gap
    // left is our own event-loop lag, which is not the receiver's latency.
    const start = now();
    try {
      const res = await this.#pool.request({
        path: `${this.#url.pathname}${this.#url.search}`,
        method: 'POST',
        headers: { 'user-agent': this.#o.userAgent, ...e.headers, 'content-type': 'application/json', ...signing },
        body: event.body,
        signal,
      });
      // Read the whole body: the latency is the complete response, and an
      // undrained body would keep the connection from being reused.
      for await (const _chunk of res.body) { /* discard */ }
      return { status: res.statusCode, latencySeconds: now() - start };
    } catch (err) {
      const f = classifyError(err, signal.aborted);
      return { error: f.result, detail: f.detail, latencySeconds: now() - start };
    }
  }

  /** Closes the pool's sockets so the process can exit. */
  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}
