/**
 * Built-in field mappings: the native hookwatch JSONL record and the
 * attempt objects of Svix and Convoy (field names from
 * research/exporter-anchors.md §2).
 */
import type { FieldMapping } from './map.js';
import { FieldError } from './record.js';
import { optionalTimestamp } from './time.js';

/** DESIGN.md "Delivery log record v1". */
export const HOOKWATCH_FORMAT: FieldMapping = {
  paths: {
    ts: 'ts', kind: 'kind', event_id: 'event_id', event_type: 'event_type', endpoint: 'endpoint', url: 'url',
    attempt: 'attempt', status: 'status', error: 'error', duration: 'duration_ms', created_at: 'created_at',
    queued_at: 'queued_at', outcome: 'outcome', processing: 'processing_ms',
    rate_limit_limit: 'rate_limit.limit', rate_limit_remaining: 'rate_limit.remaining',
  },
  durationUnit: 'ms',
  timestampFormat: 'iso8601',
  // Literal property access: several times faster than following paths
  // generically, and this is the format the hot path sees most.
  extract: (o) => {
    const rl = o.rate_limit;
    const r = rl !== null && typeof rl === 'object' ? (rl as Record<string, unknown>) : undefined;
    return {
      ts: o.ts, kind: o.kind, event_id: o.event_id, event_type: o.event_type, endpoint: o.endpoint, url: o.url,
      attempt: o.attempt, status: o.status, error: o.error, duration: o.duration_ms, created_at: o.created_at,
      queued_at: o.queued_at, outcome: o.outcome, processing: o.processing_ms,
      rate_limit_limit: r?.limit, rate_limit_remaining: r?.remaining,
    };
  },
};

/** Svix fails an attempt without a 2xx response within 15 s (docs.svix.com/retries). */
const SVIX_TIMEOUT_MS = 15_000;

/**
 * Svix `MessageAttemptOut`: `status` 0=Success 1=Pending 2=Fail 3=Sending
 * (any other value is a parse error); the event type is only present when
 * the attempt embeds its `msg`. There is no attempt number (numbered per
 * message and endpoint while counting) and no error field: with no response
 * (`responseStatusCode` 0) the `response` text is the error ("timed out", …).
 */
export const SVIX_FORMAT: FieldMapping = {
  paths: {
    ts: 'timestamp', event_id: 'msgId', event_type: 'msg.eventType', endpoint: 'endpointId', url: 'url',
    status: 'responseStatusCode', duration: 'responseDurationMs',
  },
  durationUnit: 'ms',
  timestampFormat: 'iso8601',
  defaults: { event_type: 'unknown' },
  deriveAttempt: true,
  derive: (raw) => {
    const s = raw.status;
    if (s != null && s !== 0 && s !== 1 && s !== 2 && s !== 3) throw new FieldError('unknown_value');
    const code = raw.responseStatusCode;
    const noResponse = code === 0 || code == null;
    const text = noResponse && typeof raw.response === 'string' && raw.response.trim() !== '' ? raw.response : undefined;
    const ms = raw.responseDurationMs;
    // No response and no text, but as long as Svix waits for one: its timeout.
    const error = text ?? (noResponse && typeof ms === 'number' && ms >= SVIX_TIMEOUT_MS ? `no response within ${SVIX_TIMEOUT_MS / 1000} s (timeout)` : undefined);
    return { ...(s === 0 ? { outcome: 'delivered' } : s === 2 ? { outcome: 'failed' } : {}), ...(error ? { error } : {}) };
  },
};

/**
 * Convoy `DeliveryAttempt`: `http_status` is a string, `status` a boolean
 * (anything else is a parse error), no attempt number (numbered per
 * `msg_id`, the event delivery, and endpoint while counting), and no
 * duration field, so it is `responded_at − requested_at`.
 */
export const CONVOY_FORMAT: FieldMapping = {
  paths: {
    ts: 'created_at', event_id: 'msg_id', endpoint: 'endpoint_id', url: 'url', status: 'http_status', error: 'error',
  },
  durationUnit: 'ms',
  timestampFormat: 'iso8601',
  defaults: { event_type: 'unknown' },
  deriveAttempt: true,
  derive: (raw) => {
    if (raw.status != null && typeof raw.status !== 'boolean') throw new FieldError('unknown_value');
    const out: { outcome?: 'delivered'; durationSeconds?: number } = raw.status === true ? { outcome: 'delivered' } : {};
    try {
      const a = optionalTimestamp(raw.requested_at);
      const b = optionalTimestamp(raw.responded_at);
      if (a !== undefined && b !== undefined && b >= a) out.durationSeconds = b - a;
    } catch {
      // An unparsable optional time only loses the duration, not the record.
    }
    return out;
  },
};
