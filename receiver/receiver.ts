/**
 * A reference webhook receiver: verification, replay protection,
 * idempotency, an in-process queue with retries, fan-out handlers, a DLQ
 * with replay, health, fault injection, and a delivery log for the exporter.
 */
import { randomUUID } from 'node:crypto';
import type { ReceiverConfig } from '../config/index.js';
import { silentLogger, type Logger } from '../daemon/index.js';
import { isoTime, MemoryLogWriter, RotatingLogWriter, type LogWriter } from '../receiver-kit/delivery-log.js';
import { DeadLetterQueue, type DlqEntry } from './dlq.js';
import { FaultState, type FaultClock } from './faults.js';
import { fanOut, routeEvent, simulatedHandler, type Handler } from './handlers.js';
import { FileStore, MemoryStore, type IdempotencyStore } from '../receiver-kit/idempotency.js';
import { ProcessingQueue, type ProcessResult, type QueuedEvent } from './queue.js';
import { replayStorePath } from '../receiver-kit/replay-guard.js';
import { dedupeStoreOf } from '../receiver-kit/stores.js';
import { createWebhook, type Webhook } from '../receiver-kit/webhook.js';

export interface ReceiverOptions {
  /** Real handlers by name; unnamed ones do simulated work. */
  readonly handlers?: Readonly<Record<string, Handler>>;
  readonly clock?: FaultClock;
  readonly log?: Logger;
  /** Where records go when the config names no log file. */
  readonly writer?: LogWriter;
}

export interface Health {
  readonly status: 'healthy' | 'unhealthy';
  readonly details: {
    readonly queue: { readonly depth: number; readonly limit: number; readonly in_flight: number };
    readonly dlq: { readonly size: number };
    readonly idempotency_store: { readonly kind: 'memory' | 'file'; readonly writable: boolean; readonly size: number };
    readonly faults: { readonly down: boolean };
  };
}

export class Receiver {
  readonly config: ReceiverConfig;
  readonly faults: FaultState;
  readonly store: IdempotencyStore;
  /** Verified digests (the replay window), claimed by `webhook.verify`. */
  readonly replays: IdempotencyStore;
  /** Signature, replay and event reading, the library's; absent for an endpoint without signing. */
  readonly webhook?: Webhook;
  readonly dlq = new DeadLetterQueue();
  readonly queue: ProcessingQueue;
  readonly writer: LogWriter;
  readonly #o: ReceiverOptions;
  readonly #log: Logger;
  readonly #replayTimer?: NodeJS.Timeout;

  constructor(config: ReceiverConfig, o: ReceiverOptions = {}) {
    this.config = config;
    this.#o = o;
    this.#log = (o.log ?? silentLogger).with({ endpoint: config.endpoint.name });
    const now = o.clock ? () => o.clock!.now() : undefined;
    this.faults = new FaultState(config.faults, o.clock);
    const i = config.idempotency;
    const store = (path: string) => (i.store === 'file' ? new FileStore(path, i.ttlSeconds, i.maxEntries, now) : new MemoryStore(i.ttlSeconds, i.maxEntries, now));
    this.store = store(i.path!);
    this.replays = store(replayStorePath(i.path ?? ''));
    const signing = config.endpoint.signing;
    if (signing) {
      this.webhook = createWebhook({
        endpoint: config.endpoint.name, scheme: signing.scheme, secrets: signing.secrets.map((s) => s.reveal()), toleranceSeconds: signing.toleranceSeconds,
        generic: signing.generic, idempotencyTtlSeconds: i.ttlSeconds, store: dedupeStoreOf(this.replays, now ?? (() => Date.now() / 1000)), ...(now ? { now } : {}),
      });
    }
    this.writer = config.log ? new RotatingLogWriter({ path: config.log, maxBytes: 50 * 1024 * 1024, keep: 2 }) : o.writer ?? new MemoryLogWriter();
    const fallback = simulatedHandler(this.faults, o.clock ? () => o.clock!.random() : Math.random);
    const p = config.processing;
    this.queue = new ProcessingQueue({
      concurrency: p.concurrency,
      limit: p.queueLimit,
      maxAttempts: p.maxAttempts,
      backoffSeconds: p.backoffSeconds,
      maxBackoffSeconds: p.maxBackoffSeconds,
      process: (ev) => fanOut(ev, routeEvent(config.handlers, ev.type), o.handlers ?? {}, fallback),
      onResult: (ev, r) => this.#onResult(ev, r),
      ...(o.clock ? { random: () => o.clock!.random() } : {}),
    });
    const every = p.dlqReplayIntervalSeconds;
    if (every) {
      // Each entry waits at least one interval before it is retried, which
      // gives the failing dependency that long to recover.
      this.#replayTimer = setInterval(() => {
        const due = this.dlq.list().filter((e) => e.failedAt <= this.now() - every).map((e) => e.id);
        if (due.length > 0) this.replayDlq(due);
      }, every * 1000);
      this.#replayTimer.unref();
    }
  }

  get endpoint(): string {
    return this.config.endpoint.name;
  }

  now(): number {
    return this.#o.clock?.now() ?? Date.now() / 1000;
  }

  /** The logger for lines about one request: endpoint= and request_id= bound. */
  log(requestId: string): Logger {
    return this.#log.with({ request_id: requestId });
  }

  /** Takes an accepted event: false when the queue is full. */
  accept(id: string, type: string, payload: unknown, requestId: string): boolean {
    const ok = this.queue.push({ id, type, payload, requestId, attempt: 1, done: new Set() });
    if (ok) this.store.add(id);
    return ok;
  }

  /** Records a redelivery of an event already taken. */
  duplicate(id: string, type: string, requestId: string): void {
    this.#record({ kind: 'processed', event_id: id, event_type: type, status: 'duplicate', processing_ms: 0, request_id: requestId });
    this.log(requestId).info('duplicate skipped', { event_id: id });
  }

  /** Puts DLQ entries back on the queue; returns the ids replayed. */
  replayDlq(ids?: readonly string[]): string[] {
    const taken = this.dlq.take(ids);
    const replayed: string[] = [];
    for (const e of taken) {
      if (!this.queue.push({ id: e.id, type: e.type, payload: e.payload, requestId: e.requestId, attempt: 1, done: new Set() })) {
        this.dlq.add(e); // queue full: keep it dead-lettered
        continue;
      }
      replayed.push(e.id);
      this.#record({ kind: 'dlq_replay', event_id: e.id, event_type: e.type, request_id: e.requestId });
      this.log(e.requestId).info('replayed from dlq', { event_id: e.id });
    }
    return replayed;
  }

  health(): Health {
    const writable = this.store.writable() && this.replays.writable();
    const down = this.faults.isDown();
    const full = this.queue.depth >= this.queue.limit;
    return {
      status: writable && !down && !full ? 'healthy' : 'unhealthy',
      details: {
        queue: { depth: this.queue.depth, limit: this.queue.limit, in_flight: this.queue.inFlight },
        dlq: { size: this.dlq.size },
        idempotency_store: { kind: this.config.idempotency.store, writable, size: this.store.size },
        faults: { down },
      },
    };
  }

  /**
   * Waits for running work; events still waiting for a retry are moved to
   * the DLQ (and logged as such) rather than dropped silently.
   */
  async stop(): Promise<void> {
    clearInterval(this.#replayTimer);
    await this.queue.idle();
    for (const ev of this.queue.stop()) {
      this.#deadLetter(ev, 'receiver stopped while a retry was pending');
    }
    this.writer.close();
  }

  newRequestId(): string {
    return `req_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  }

  #onResult(ev: QueuedEvent, r: ProcessResult): void {
    this.#record({ kind: 'processed', event_id: ev.id, event_type: ev.type, status: r.status, processing_ms: round(r.seconds * 1000), attempt: ev.attempt, request_id: ev.requestId, ...('error' in r ? { error: r.error } : {}) });
    if (r.status === 'success') return;
    if (r.status === 'temporary_failure' && r.willRetry) {
      this.log(ev.requestId).warn('processing failed, will retry', { event_id: ev.id, attempt: ev.attempt, retry_in_seconds: r.retryInSeconds!.toFixed(2), error: r.error });
      return;
    }
    this.#deadLetter(ev, r.error);
  }

  #deadLetter(ev: QueuedEvent, reason: string): void {
    const entry: DlqEntry = { id: ev.id, type: ev.type, payload: ev.payload, requestId: ev.requestId, reason, attempts: ev.attempt, failedAt: this.now() };
    const dropped = this.dlq.add(entry);
    this.#record({ kind: 'dlq', event_id: ev.id, event_type: ev.type, reason, attempt: ev.attempt, request_id: ev.requestId });
    this.log(ev.requestId).error('moved to dlq', { event_id: ev.id, attempts: ev.attempt, error: reason });
    if (dropped) this.log(dropped.requestId).error('dlq full, oldest entry dropped', { event_id: dropped.id });
  }

  #record(fields: { kind: 'processed' | 'dlq' | 'dlq_replay'; event_id: string; event_type: string; [k: string]: unknown }): void {
    this.writer.write({ ts: isoTime(this.now()), endpoint: this.endpoint, ...fields });
  }
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
