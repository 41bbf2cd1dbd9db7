/**
 * What one record adds to the metrics (DESIGN.md metric catalog, real
 * traffic): a record and its resolved labels in, state updated.
 */
import { METRICS, retryAttemptOf, statusClassOf, type FailureReason, type RetryAttempt, type StatusClass } from '../../catalog/index.js';
import type { DeliveryRecord, RecordOutcome } from '../records/record.js';
import type { Aggregates, HistogramSeries, ScalarSeries } from '../state/aggregates.js';

/** Outcomes saying the attempt failed, whatever its status says (Svix fails a 2xx that came after its timeout). */
const FAILED_OUTCOMES: ReadonlySet<string | undefined> = new Set(['retrying', 'failed', 'dead_lettered']);

/** Why an attempt failed, or null when it succeeded (2xx and no error, and no failing outcome). */
export function failureReasonOf(status: number | undefined, error: string | undefined, outcome?: RecordOutcome): FailureReason | null {
  const reason = reasonOf(status, error);
  return reason === null && FAILED_OUTCOMES.has(outcome) ? 'other' : reason;
}

function reasonOf(status: number | undefined, error: string | undefined): FailureReason | null {
  const cls = statusClassOf(status);
  if (cls !== 'none' && cls !== '2xx') {
    if (status === 429) return 'rate_limited';
    if (cls === '4xx') return 'http_4xx';
    if (cls === '5xx') return 'http_5xx';
    return 'other';
  }
  if (error !== undefined) return errorReasonOf(error);
  // No response and no error text still means the attempt did not succeed.
  return cls === '2xx' ? null : 'other';
}

/** URLs, then dotted names and addresses (`tls.example.com`, `203.0.113.9:443`). */
const TARGETS = /[a-z][a-z0-9+.-]*:\/\/[^\s"']*|[a-z0-9_-]+(?:\.[a-z0-9_-]+)+(?::\d+)?/g;

/**
 * Classifies transport error text (Node, Go, Rust and curl spellings).
 * Targets are cut out first: Go embeds the URL and host (`Post "https://tls.example/…":
 * dial tcp …: connection refused`), and a host name must not decide the reason.
 */
export function errorReasonOf(error: string): FailureReason {
  const e = error.toLowerCase().replace(TARGETS, ' ');
  if (/timeout|timed out|etimedout|deadline/.test(e)) return 'timeout';
  if (/enotfound|eai_again|dns|no such host|getaddrinfo/.test(e)) return 'dns';
  if (/tls|ssl|certificate|cert_|x509|handshake/.test(e)) return 'tls';
  if (/econnrefused|econnreset|epipe|ehostunreach|enetunreach|connection|socket|refused|reset/.test(e)) return 'connection';
  return 'other';
}

/** Differences of Unix times carry float noise (2.2339999675 for 2.234): keep microseconds. */
function elapsed(from: number, to: number): number {
  return Math.max(0, Math.round((to - from) * 1e6) / 1e6);
}

/** The series one (endpoint, event type) pair writes, found on first use and kept (created lazily, so in the same order as by lookup). */
interface PairSeries {
  readonly deliveries: Map<string, ScalarSeries>;
  readonly failures: Map<string, ScalarSeries>;
  readonly retries: Map<string, ScalarSeries>;
  readonly processed: Map<string, ScalarSeries>;
  duration?: HistogramSeries;
  queue?: HistogramSeries;
  endToEnd?: HistogramSeries;
  delivered?: ScalarSeries;
  deadLettered?: ScalarSeries;
  dlqEvents?: ScalarSeries;
  dlqReplayed?: ScalarSeries;
  processing?: HistogramSeries;
}

/** The series one endpoint writes (gauges keyed by endpoint alone). */
interface EndpointSeries {
  lastDelivery?: ScalarSeries;
  rateLimitRemaining?: ScalarSeries;
  rateLimitLimit?: ScalarSeries;
  dlqDepth?: ScalarSeries;
}

const BOUNDS = {
  deliveryDuration: METRICS.deliveryDuration.buckets ?? [],
  queue: METRICS.queue.buckets ?? [],
  endToEnd: METRICS.endToEnd.buckets ?? [],
  processing: METRICS.processing.buckets ?? [],
} as const;

/** `statusClassOf` per HTTP status seen (it builds a string per call). */
const CLASSES = new Map<number | undefined, StatusClass>();
function classOf(status: number | undefined): StatusClass {
  let c = CLASSES.get(status);
  if (c === undefined) {
    c = statusClassOf(status);
    if (CLASSES.size < 1024) CLASSES.set(status, c);
  }
  return c;
}

/** `retryAttemptOf` per attempt number seen (it builds a string per call). */
const RETRIES = new Map<number, RetryAttempt | null>();
function retryOf(attempt: number): RetryAttempt | null {
  let r = RETRIES.get(attempt);
  if (r === undefined) {
    r = retryAttemptOf(attempt);
    if (RETRIES.size < 1024) RETRIES.set(attempt, r);
  }
  return r;
}

/** Error texts repeat: each is classified once (bounded: cleared when full). */
const REASONS = new Map<string, FailureReason>();
const REASONS_MAX = 10_000;
function cachedErrorReason(error: string): FailureReason {
  let r = REASONS.get(error);
  if (r === undefined) {
    r = errorReasonOf(error);
    if (REASONS.size >= REASONS_MAX) REASONS.clear();
    REASONS.set(error, r);
  }
  return r;
}

function failureOf(status: number | undefined, cls: StatusClass, error: string | undefined, outcome: RecordOutcome | undefined): FailureReason | null {
  let reason: FailureReason | null;
  if (cls !== 'none' && cls !== '2xx') reason = status === 429 ? 'rate_limited' : cls === '4xx' ? 'http_4xx' : cls === '5xx' ? 'http_5xx' : 'other';
  else if (error !== undefined) reason = cachedErrorReason(error);
  else reason = cls === '2xx' ? null : 'other';
  return reason === null && FAILED_OUTCOMES.has(outcome) ? 'other' : reason;
}

/**
 * Applies records to one state, keeping each label set's series once it
 * was found: a busy log repeats few label sets, so the per-line work is
 * two Map lookups (endpoint, event type) instead of one nested lookup per
 * family. Label values are the guard's first instances, so those lookups
 * compare pointers.
 */
export class RecordApplier {
  private readonly pairs = new Map<string, Map<string, PairSeries>>();
  private readonly endpoints = new Map<string, EndpointSeries>();

  constructor(readonly agg: Aggregates) {}

  private pair(endpoint: string, eventType: string): PairSeries {
    let byType = this.pairs.get(endpoint);
    if (!byType) this.pairs.set(endpoint, (byType = new Map()));
    let p = byType.get(eventType);
    if (!p) byType.set(eventType, (p = { deliveries: new Map(), failures: new Map(), retries: new Map(), processed: new Map() }));
    return p;
  }

  private endpoint(endpoint: string): EndpointSeries {
    let e = this.endpoints.get(endpoint);
    if (!e) this.endpoints.set(endpoint, (e = {}));
    return e;
  }

  /**
   * Applies one record. `endpoint` and `eventType` are the final label
   * values (resolved and capped by the caller); `attempt` is the record's,
   * or the one numbered for it when the format has none.
   */
  apply(r: DeliveryRecord, endpoint: string, eventType: string, attempt = r.attempt): void {
    const agg = this.agg;
    const p = this.pair(endpoint, eventType);
    switch (r.kind) {
      case 'attempt': {
        const cls = classOf(r.status);
        let s = p.deliveries.get(cls);
        if (!s) p.deliveries.set(cls, (s = agg.series('deliveries', { endpoint, event_type: eventType, status_class: cls })));
        agg.add(s);
        const reason = failureOf(r.status, cls, r.error, r.outcome);
        if (reason !== null) {
          let f = p.failures.get(reason);
          if (!f) p.failures.set(reason, (f = agg.series('deliveryFailures', { endpoint, event_type: eventType, reason })));
          agg.add(f);
        }
        const retry = attempt === undefined ? null : retryOf(attempt);
        if (retry !== null) {
          let t = p.retries.get(retry);
          if (!t) p.retries.set(retry, (t = agg.series('deliveryRetries', { endpoint, event_type: eventType, attempt: retry })));
          agg.add(t);
        }
        const d = r.durationSeconds !== undefined && r.durationSeconds >= 0 ? r.durationSeconds : undefined;
        if (d !== undefined) agg.observeInto((p.duration ??= agg.histogramSeries('deliveryDuration', { endpoint, event_type: eventType })), BOUNDS.deliveryDuration, d);
        // ts is when the attempt ended, so it started duration earlier.
        if (r.queuedAt !== undefined) agg.observeInto((p.queue ??= agg.histogramSeries('queue', { endpoint, event_type: eventType })), BOUNDS.queue, elapsed(r.queuedAt, r.ts - (d ?? 0)));
        if (r.outcome === 'delivered') {
          agg.add((p.delivered ??= agg.series('events', { endpoint, event_type: eventType, outcome: 'delivered' })));
          if (r.createdAt !== undefined) agg.observeInto((p.endToEnd ??= agg.histogramSeries('endToEnd', { endpoint, event_type: eventType })), BOUNDS.endToEnd, elapsed(r.createdAt, r.ts));
          const e = this.endpoint(endpoint);
          // Created only once a later time is seen; a restored state may already hold one.
          if (r.ts > (e.lastDelivery ? e.lastDelivery.value : agg.get('lastDelivery', { endpoint }))) agg.put((e.lastDelivery ??= agg.series('lastDelivery', { endpoint })), r.ts);
        } else if (r.outcome === 'dead_lettered') {
          agg.add((p.deadLettered ??= agg.series('events', { endpoint, event_type: eventType, outcome: 'dead_lettered' })));
        }
        if (r.rateLimitRemaining !== undefined) {
          const e = this.endpoint(endpoint);
          agg.put((e.rateLimitRemaining ??= agg.series('rateLimitRemaining', { endpoint })), r.rateLimitRemaining);
        }
        if (r.rateLimitLimit !== undefined) {
          const e = this.endpoint(endpoint);
          agg.put((e.rateLimitLimit ??= agg.series('rateLimitLimit', { endpoint })), r.rateLimitLimit);
        }
        return;
      }
      case 'dlq': {
        agg.add((p.dlqEvents ??= agg.series('dlqEvents', { endpoint, event_type: eventType })));
        const e = this.endpoint(endpoint);
        const depth = (e.dlqDepth ??= agg.series('dlqDepth', { endpoint }));
        agg.put(depth, depth.value + 1);
        return;
      }
      case 'dlq_replay': {
        agg.add((p.dlqReplayed ??= agg.series('dlqReplayed', { endpoint, event_type: eventType })));
        // A replay of an event moved in before the log began must not go negative.
        const e = this.endpoint(endpoint);
        const depth = (e.dlqDepth ??= agg.series('dlqDepth', { endpoint }));
        agg.put(depth, Math.max(0, depth.value - 1));
        return;
      }
      case 'processed':
        if (r.processedStatus !== undefined) {
          let s = p.processed.get(r.processedStatus);
          if (!s) p.processed.set(r.processedStatus, (s = agg.series('eventsProcessed', { endpoint, event_type: eventType, status: r.processedStatus })));
          agg.add(s);
        }
        if (r.processingSeconds !== undefined && r.processingSeconds >= 0) agg.observeInto((p.processing ??= agg.histogramSeries('processing', { endpoint, event_type: eventType })), BOUNDS.processing, r.processingSeconds);
        return;
    }
  }
}

const appliers = new WeakMap<Aggregates, RecordApplier>();

/** Applies one record to `agg` (see RecordApplier.apply); the engine keeps its own applier. */
export function applyRecord(agg: Aggregates, r: DeliveryRecord, endpoint: string, eventType: string, attempt = r.attempt): void {
  let a = appliers.get(agg);
  if (!a) appliers.set(agg, (a = new RecordApplier(agg)));
  a.apply(r, endpoint, eventType, attempt);
}
