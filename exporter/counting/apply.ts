/**
 * What one record adds to the metrics (DESIGN.md metric catalog, real
 * traffic). Pure: a record and its resolved labels in, state updated.
 */
import { retryAttemptOf, statusClassOf, type FailureReason } from '../../catalog/index.js';
import type { DeliveryRecord, RecordOutcome } from '../records/record.js';
import type { Aggregates } from '../state/aggregates.js';

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

/**
 * Applies one record. `endpoint` and `eventType` are the final label
 * values (resolved and capped by the caller); `attempt` is the record's,
 * or the one numbered for it when the format has none.
 */
export function applyRecord(agg: Aggregates, r: DeliveryRecord, endpoint: string, eventType: string, attempt = r.attempt): void {
  // Literal objects, not spreads of `ee`: this runs per line, and V8 builds
  // a literal of a known shape far faster than it copies one (2x on 300k lines).
  const ee = { endpoint, event_type: eventType };
  const ep = { endpoint };
  switch (r.kind) {
    case 'attempt': {
      agg.inc('deliveries', { endpoint, event_type: eventType, status_class: statusClassOf(r.status) });
      const reason = failureReasonOf(r.status, r.error, r.outcome);
      if (reason !== null) agg.inc('deliveryFailures', { endpoint, event_type: eventType, reason });
      const retry = attempt === undefined ? null : retryAttemptOf(attempt);
      if (retry !== null) agg.inc('deliveryRetries', { endpoint, event_type: eventType, attempt: retry });
      const d = r.durationSeconds !== undefined && r.durationSeconds >= 0 ? r.durationSeconds : undefined;
      if (d !== undefined) agg.observe('deliveryDuration', ee, d);
      // ts is when the attempt ended, so it started duration earlier.
      if (r.queuedAt !== undefined) agg.observe('queue', ee, elapsed(r.queuedAt, r.ts - (d ?? 0)));
      if (r.outcome === 'delivered') {
        agg.inc('events', { endpoint, event_type: eventType, outcome: 'delivered' });
        if (r.createdAt !== undefined) agg.observe('endToEnd', ee, elapsed(r.createdAt, r.ts));
        if (r.ts > agg.get('lastDelivery', ep)) agg.set('lastDelivery', ep, r.ts);
      } else if (r.outcome === 'dead_lettered') {
        agg.inc('events', { endpoint, event_type: eventType, outcome: 'dead_lettered' });
      }
      if (r.rateLimitRemaining !== undefined) agg.set('rateLimitRemaining', ep, r.rateLimitRemaining);
      if (r.rateLimitLimit !== undefined) agg.set('rateLimitLimit', ep, r.rateLimitLimit);
      return;
    }
    case 'dlq':
      agg.inc('dlqEvents', ee);
      agg.set('dlqDepth', ep, agg.get('dlqDepth', ep) + 1);
      return;
    case 'dlq_replay':
      agg.inc('dlqReplayed', ee);
      // A replay of an event moved in before the log began must not go negative.
      agg.set('dlqDepth', ep, Math.max(0, agg.get('dlqDepth', ep) - 1));
      return;
    case 'processed':
      if (r.processedStatus !== undefined) agg.inc('eventsProcessed', { endpoint, event_type: eventType, status: r.processedStatus });
      if (r.processingSeconds !== undefined && r.processingSeconds >= 0) agg.observe('processing', ee, r.processingSeconds);
      return;
  }
}
