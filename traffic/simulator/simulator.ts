/**
 * The traffic simulator: a webhook platform in miniature. Creates events at
 * a rate, sends them signed to the configured endpoints, retries failures on
 * a Svix-like schedule with jitter (honouring Retry-After), dead-letters
 * exhausted events, and writes every attempt to the delivery log.
 */
import { randomUUID } from 'node:crypto';
import type { EndpointConfig, SimulatorConfig } from '../../config/index.js';
import { parseRateLimit, parseRetryAfter, signatureHeaders, syntheticEvent, timedRequest, type RequestOutcome } from '../../http/index.js';
import { isoTime, type LogWriter } from '../../receiver/index.js';
import { nextDelaySeconds } from './retry-schedule.js';

/** Time and randomness, injected so retry timing is testable. */
export interface SimClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

export const SYSTEM_CLOCK: SimClock = {
  now: () => Date.now() / 1000,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  random: Math.random,
};

export type Send = (endpoint: EndpointConfig, headers: Record<string, string>, body: string, timeoutSeconds: number) => Promise<RequestOutcome>;

const httpSend: Send = (endpoint, headers, body, timeoutSeconds) => timedRequest({
  url: endpoint.url, method: 'POST', headers: { 'content-type': 'application/json', ...endpoint.headers, ...headers }, body,
  timeoutMs: timeoutSeconds * 1000, bodyLimitBytes: 4096,
  tls: { insecureSkipVerify: endpoint.tls.insecureSkipVerify, ...(endpoint.tls.serverName ? { serverName: endpoint.tls.serverName } : {}) },
  followRedirects: false,
});

interface SimEvent {
  readonly id: string;
  readonly type: string;
  readonly body: string;
  readonly endpoint: EndpointConfig;
  readonly createdAt: number;
  attempt: number;
}

export interface SimulatorOptions {
  readonly writer: LogWriter;
  readonly clock?: SimClock;
  readonly send?: Send;
  /** Attempts in flight at most; past it new events are not created (counted). */
  readonly maxInFlight?: number;
}

export interface SimulatorStats {
  created: number;
  attempts: number;
  delivered: number;
  deadLettered: number;
  throttled: number;
}

export class Simulator {
  readonly stats: SimulatorStats = { created: 0, attempts: 0, delivered: 0, deadLettered: 0, throttled: 0 };
  /** Events that exhausted their retries (the sender's DLQ), most recent last. */
  readonly deadLetters: { id: string; endpoint: string; type: string; attempts: number }[] = [];
  readonly #c: SimulatorConfig;
  readonly #o: SimulatorOptions;
  readonly #clock: SimClock;
  readonly #send: Send;
  readonly #pending = new Set<unknown>();
  readonly #inFlight = new Set<Promise<void>>();
  #ticker: unknown;
  #running = false;
  #stopped = false;
  #sequence = 0;

  constructor(config: SimulatorConfig, o: SimulatorOptions) {
    this.#c = config;
    this.#o = o;
    this.#clock = o.clock ?? SYSTEM_CLOCK;
    this.#send = o.send ?? httpSend;
  }

  start(): void {
    this.#running = true;
    const every = 1000 / this.#c.ratePerSecond;
    const tick = () => {
      if (!this.#running) return;
      this.createEvent();
      this.#ticker = this.#clock.setTimeout(tick, every);
    };
    this.#ticker = this.#clock.setTimeout(tick, every);
  }

  /** Creates one event for the next endpoint (round robin) and sends its first attempt. */
  createEvent(): void {
    if (this.#inFlight.size >= (this.#o.maxInFlight ?? 256)) {
      this.stats.throttled += 1;
      return;
    }
    const seq = this.#sequence++;
    const endpoint = this.#c.endpoints[seq % this.#c.endpoints.length]!;
    const now = this.#clock.now();
    const ev = syntheticEvent({ id: `evt_${randomUUID().replace(/-/g, '').slice(0, 20)}`, nowSeconds: now, events: endpoint.events, sequence: Math.floor(seq / this.#c.endpoints.length), endpoint: endpoint.name });
    this.stats.created += 1;
    this.#attempt({ id: ev.id, type: ev.type, body: ev.body, endpoint, createdAt: now, attempt: 1 }, now);
  }

  /** Stops creating events, cancels scheduled retries, waits for requests in flight. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#stopped = true;
    this.#clock.clearTimeout(this.#ticker);
    for (const h of this.#pending) this.#clock.clearTimeout(h);
    this.#pending.clear();
    await Promise.all([...this.#inFlight]);
  }

  #attempt(ev: SimEvent, queuedAt: number): void {
    const p = this.#run(ev, queuedAt).finally(() => this.#inFlight.delete(p));
    this.#inFlight.add(p);
  }

  async #run(ev: SimEvent, queuedAt: number): Promise<void> {
    const e = ev.endpoint;
    const timestamp = Math.floor(this.#clock.now());
    const headers = signatureHeaders(e.signing, { id: ev.id, timestamp, body: ev.body });
    const requestId = `req_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const out = await this.#send(e, { ...headers, 'x-request-id': requestId }, ev.body, this.#c.timeoutSeconds);
    this.stats.attempts += 1;
    const end = this.#clock.now();
    const status = out.response?.status;
    const ok = status !== undefined && status >= 200 && status < 300;
    const rl = out.response ? parseRateLimit(out.response.headers, end) : undefined;
    const retryAfterHeader = out.response?.headers['retry-after'];
    const retryAfter = retryAfterHeader !== undefined ? parseRetryAfter(retryAfterHeader, end) : undefined;
    const delay = ok ? null : nextDelaySeconds(this.#c.retry.delaysSeconds, ev.attempt, this.#c.retry.jitter, () => this.#clock.random(), retryAfter);
    const outcome = ok ? 'delivered' : delay === null ? 'dead_lettered' : 'retrying';
    this.#o.writer.write({
      ts: isoTime(end), kind: 'attempt', event_id: ev.id, event_type: ev.type, endpoint: e.name, url: e.url,
      attempt: ev.attempt, status: status ?? null, error: out.failure ? errorText(out.failure.result, out.failure.detail) : null,
      duration_ms: Math.round(out.durationSeconds * 1e6) / 1e3, created_at: isoTime(ev.createdAt), queued_at: isoTime(queuedAt),
      outcome, ...(delay !== null ? { next_retry_at: isoTime(end + delay) } : {}),
      ...(rl && (rl.limit !== undefined || rl.remaining !== undefined) ? { rate_limit: { limit: rl.limit ?? null, remaining: rl.remaining ?? null, reset_seconds: rl.resetSeconds ?? null } } : {}),
      request_id: requestId,
    });
    if (ok) {
      this.stats.delivered += 1;
      return;
    }
    if (delay === null) {
      this.stats.deadLettered += 1;
      this.deadLetters.push({ id: ev.id, endpoint: e.name, type: ev.type, attempts: ev.attempt });
      if (this.deadLetters.length > 1000) this.deadLetters.shift();
      this.#o.writer.write({ ts: isoTime(end), kind: 'dlq', event_id: ev.id, event_type: ev.type, endpoint: e.name, attempt: ev.attempt, reason: 'retries exhausted', request_id: requestId });
      return;
    }
    if (this.#stopped) return;
    const plannedAt = end + delay;
    const handle = this.#clock.setTimeout(() => {
      this.#pending.delete(handle);
      ev.attempt += 1;
      this.#attempt(ev, plannedAt);
    }, delay * 1000);
    this.#pending.add(handle);
  }
}

/** Error text in words the exporter's classifier reads (timeout, dns, tls, connection). */
function errorText(result: string, detail: string): string {
  const word = result === 'timeout' ? 'timeout' : result === 'dns_error' ? 'dns' : result === 'tls_error' ? 'tls' : 'connection';
  return `${word}: ${detail}`;
}
