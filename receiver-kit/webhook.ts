/**
 * The framework-free receiver: `verify` (the endpoint's signature scheme
 * against the raw body, stale and replayed requests refused), `dedupe` (by
 * event id, through a `DedupeStore`), `observe` (processing time, outcome,
 * end-to-end latency from the event's own time) and `handle`, the three in
 * a row as every middleware runs them. Signature checks are signing/'s, the
 * replay window is the reference receiver's (`replay-guard.ts`).
 */
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import { DEFAULT_GENERIC, SCHEME_NAMES, validateSecret, verify as verifySignature, type GenericOptions, type SchemeName, type VerifyFailure } from '../signing/index.js';
import type { LogWriter } from './delivery-log.js';
import { PermanentError } from './errors.js';
import { header, readEvent, type Headers } from './event.js';
import { logSink, registrySink, type Sink } from './observe.js';
import { replayUntil } from './replay-guard.js';
import { memoryStore, type DedupeStore } from './stores.js';

export interface WebhookOptions {
  /** The `endpoint` label: the endpoint's `name` in hookwatch.yaml, so dashboards find it. */
  readonly endpoint: string;
  /** The sender's signature scheme. */
  readonly scheme: SchemeName;
  /** Every secret still valid (rotation): a signature by any one is accepted. */
  readonly secrets: readonly string[];
  /** Replay window for schemes that sign a timestamp. Default 300 s. */
  readonly toleranceSeconds?: number;
  /** For `hmac-sha256`: header names, template, encoding (defaults as in hookwatch.yaml). */
  readonly generic?: Partial<GenericOptions>;
  /** Where event ids and verified digests are remembered. Default: in memory. */
  readonly store?: DedupeStore;
  /** How long an event id is remembered. Default 86,400 s. */
  readonly idempotencyTtlSeconds?: number;
  /** A prom-client registry you own and serve: the receiver-side metrics go on it. */
  readonly registry?: Registry;
  /** A delivery-log file (or writer) for `processed` records, for hookwatch's exporter. */
  readonly deliveryLog?: string | LogWriter;
  /** Overrides how the event type is read (default: payload `type`, else `X-GitHub-Event`). */
  readonly eventType?: (payload: unknown, headers: Headers) => string;
  /** Overrides the event's creation time, unix seconds (default: `created_at`, `created`, `timestamp`, else the signed timestamp). */
  readonly eventTime?: (payload: unknown, signedTimestamp: number | undefined) => number | undefined;
  /** Largest body the middleware reads. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Told when the store fails (the request is answered 503); default: nothing. */
  readonly onStoreError?: (err: unknown) => void;
  /** Unix seconds; for tests. */
  readonly now?: () => number;
}

/** What a request is, to the framework-free API. */
export interface WebhookRequest {
  /** Header names in any case. */
  readonly headers: Headers;
  /** The exact bytes received. */
  readonly body: Uint8Array | string;
}

export interface WebhookEvent {
  readonly id: string;
  readonly type: string;
  readonly payload: unknown;
  /** X-Request-ID as received, or a new one. */
  readonly requestId: string;
  /** Unix seconds when the event was created, when the request says. */
  readonly createdAt?: number;
}

export type Rejection = 'signature' | 'replayed' | 'not_json' | 'no_event_id';

export type Verified = { readonly ok: true; readonly event: WebhookEvent; /** Forgets the replay claim: call it when you refuse the request after all. */ release(): Promise<void> };
export type Refused = { readonly ok: false; readonly status: 400 | 401 | 409; readonly rejection: Rejection; readonly reason?: VerifyFailure; readonly requestId: string; readonly error: string };

/** What a middleware answers. */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
}

export type WebhookHandler = (event: WebhookEvent) => unknown;

export interface Webhook {
  /** The endpoint label. (The options are not kept on the object: printing it never shows a secret.) */
  readonly endpoint: string;
  /** Largest body the middleware reads. */
  readonly maxBodyBytes: number;
  verify(request: WebhookRequest): Promise<Verified | Refused>;
  /** Claims the event id: `duplicate` when it was processed (or is being processed) already. */
  dedupe(event: WebhookEvent): Promise<{ readonly duplicate: boolean; release(): Promise<void> }>;
  /** Runs `fn` for the event and records its time and outcome; returns or throws what `fn` does. */
  observe<T>(event: WebhookEvent, fn: () => T | Promise<T>): Promise<T>;
  /** verify → dedupe → observe(handler), and the answer to send. */
  handle(request: WebhookRequest, handler: WebhookHandler): Promise<WebhookResponse>;
  close(): Promise<void>;
}

export const REQUEST_ID_HEADER = 'x-request-id';
const DEFAULT_TOLERANCE = 300;
const DEFAULT_TTL = 86_400;
export const DEFAULT_MAX_BODY = 1024 * 1024;

/** One line naming the option and what was expected; thrown at creation, never per request. */
function check(o: WebhookOptions): void {
  const fail = (field: string, what: string) => { throw new TypeError(`hookwatch/receiver: ${field}: ${what}`); };
  if (typeof o.endpoint !== 'string' || o.endpoint === '') fail('endpoint', 'expected the endpoint\'s name in hookwatch.yaml (the endpoint label)');
  if (!SCHEME_NAMES.includes(o.scheme)) fail('scheme', `got "${String(o.scheme)}", expected one of ${SCHEME_NAMES.join(', ')}`);
  if (!Array.isArray(o.secrets) || o.secrets.length === 0) fail('secrets', 'expected at least one secret');
  o.secrets.forEach((s, i) => {
    const problem = typeof s === 'string' ? validateSecret(o.scheme, s) : 'a string';
    // The secret itself is never printed.
    if (problem) fail(`secrets[${i}]`, `expected ${problem}`);
  });
  if (o.toleranceSeconds !== undefined && !(o.toleranceSeconds > 0)) fail('toleranceSeconds', `got ${o.toleranceSeconds}, expected seconds > 0`);
  if (o.idempotencyTtlSeconds !== undefined && !(o.idempotencyTtlSeconds > 0)) fail('idempotencyTtlSeconds', `got ${o.idempotencyTtlSeconds}, expected seconds > 0`);
}

const newRequestId = (): string => `req_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function createWebhook(options: WebhookOptions): Webhook {
  check(options);
  const o = options;
  const now = o.now ?? (() => Date.now() / 1000);
  const tolerance = o.toleranceSeconds ?? DEFAULT_TOLERANCE;
  const ttl = o.idempotencyTtlSeconds ?? DEFAULT_TTL;
  const generic: GenericOptions = { ...DEFAULT_GENERIC, ...o.generic };
  const store = o.store ?? memoryStore({ now });
  const sinks: Sink[] = [...(o.registry ? [registrySink(o.registry)] : []), ...(o.deliveryLog ? [logSink(o.deliveryLog)] : [])];
  const record = (event: WebhookEvent, status: 'success' | 'temporary_failure' | 'permanent_failure' | 'duplicate', seconds: number, error?: string) => {
    for (const s of sinks) {
      s.record({ endpoint: o.endpoint, eventId: event.id, eventType: event.type, requestId: event.requestId, status, seconds, now: now(), ...(event.createdAt !== undefined ? { createdAt: event.createdAt } : {}), ...(error !== undefined ? { error } : {}) });
    }
  };

  const hook: Webhook = {
    endpoint: o.endpoint,
    maxBodyBytes: o.maxBodyBytes ?? DEFAULT_MAX_BODY,

    async verify(request) {
      const requestId = header(request.headers, REQUEST_ID_HEADER) ?? newRequestId();
      const refuse = (status: 400 | 401 | 409, rejection: Rejection, error: string, reason?: VerifyFailure): Refused =>
        ({ ok: false, status, rejection, requestId, error, ...(reason ? { reason } : {}) });
      const v = verifySignature(o.scheme, { headers: request.headers, body: request.body, secrets: o.secrets, nowSeconds: now(), toleranceSeconds: tolerance }, generic);
      if (!v.ok) return refuse(401, 'signature', `signature ${v.reason}`, v.reason);
      // Keyed on what the signature covers, not on an id header it may not sign.
      const replayKey = `replay:${v.digest}`;
      const until = replayUntil(v.timestamp, tolerance, ttl, now());
      if (!(await store.claim(replayKey, Math.max(1, (until - now()) * 1000)))) return refuse(409, 'replayed', 'replayed request');
      const release = () => store.release(replayKey);
      const e = readEvent(request.body, request.headers, v, o);
      if (!e.ok) {
        await release();
        return refuse(400, e.rejection, e.error);
      }
      return { ok: true, event: { id: e.id, type: e.type, payload: e.payload, requestId, ...(e.createdAt !== undefined ? { createdAt: e.createdAt } : {}) }, release };
    },

    async dedupe(event) {
      const key = `event:${o.endpoint}:${event.id}`;
      const duplicate = !(await store.claim(key, ttl * 1000));
      if (duplicate) record(event, 'duplicate', 0);
      return { duplicate, release: () => (duplicate ? Promise.resolve() : store.release(key)) };
    },

    async observe(event, fn) {
      const start = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - start) / 1e9;
      try {
        const result = await fn();
        record(event, 'success', seconds());
        return result;
      } catch (err) {
        record(event, err instanceof PermanentError ? 'permanent_failure' : 'temporary_failure', seconds(), message(err));
        throw err;
      }
    },

    async handle(request, handler) {
      const rid = (id: string) => ({ [REQUEST_ID_HEADER]: id });
      // A store that cannot answer (Redis down) is the receiver's outage, not the sender's fault: 503, retry.
      const unavailable = (id: string, err: unknown): WebhookResponse => {
        o.onStoreError?.(err);
        return { status: 503, headers: { ...rid(id), 'retry-after': '5' }, body: { error: 'idempotency store unavailable, retry later' } };
      };
      let v: Verified | Refused;
      try {
        v = await hook.verify(request);
      } catch (err) {
        return unavailable(header(request.headers, REQUEST_ID_HEADER) ?? newRequestId(), err);
      }
      if (!v.ok) return { status: v.status, headers: rid(v.requestId), body: { error: v.error } };
      const { event } = v;
      let claim: Awaited<ReturnType<Webhook['dedupe']>>;
      try {
        claim = await hook.dedupe(event);
      } catch (err) {
        await v.release().catch(() => undefined);
        return unavailable(event.requestId, err);
      }
      if (claim.duplicate) return { status: 200, headers: rid(event.requestId), body: { duplicate: true, id: event.id } };
      try {
        await hook.observe(event, () => handler(event));
        return { status: 200, headers: rid(event.requestId), body: { ok: true, id: event.id } };
      } catch (err) {
        if (err instanceof PermanentError) {
          // Retrying will not help: the id stays claimed, a redelivery is a duplicate.
          return { status: 422, headers: rid(event.requestId), body: { error: 'processing failed for good', id: event.id } };
        }
        // The sender's retry (or an exact resend) must run again.
        await Promise.all([claim.release(), v.release()]).catch((e: unknown) => o.onStoreError?.(e));
        // The handler's own message stays in the metrics' log record, not in the answer to the sender.
        return { status: 500, headers: rid(event.requestId), body: { error: 'processing failed, retry later', id: event.id } };
      }
    },

    async close() {
      for (const s of sinks) s.close();
      await store.close();
    },
  };
  return hook;
}
