/**
 * Label names and the closed sets of values they take.
 *
 * A label whose values are listed here never receives anything else: the
 * emitting code maps unknown inputs onto `other`/`none` values of these sets.
 */
export const LABEL = {
  endpoint: 'endpoint',
  check: 'check',
  region: 'region',
  result: 'result',
  phase: 'phase',
  eventType: 'event_type',
  statusClass: 'status_class',
  reason: 'reason',
  outcome: 'outcome',
  status: 'status',
  attempt: 'attempt',
  source: 'source',
  label: 'label',
  component: 'component',
  version: 'version',
  kind: 'kind',
} as const;

export type LabelName = (typeof LABEL)[keyof typeof LABEL];

/** Kinds of synthetic checks the prober runs. */
export const CHECKS = ['delivery', 'health', 'signature_enforcement'] as const;
export type Check = (typeof CHECKS)[number];

/**
 * Checks whose failure means the endpoint is down: `WebhookEndpointDown`
 * selects them and the status page calls an endpoint Down only for them.
 * Any other check failing (`signature_enforcement`) leaves a reachable
 * endpoint Degraded, with its own alert.
 */
export const DOWN_CHECKS = ['delivery', 'health'] as const satisfies readonly Check[];

/** Classification of one probe. A failed probe is a result, never an exception. */
export const PROBE_RESULTS = [
  'success',
  'http_error',
  'timeout',
  'connect_error',
  'dns_error',
  'tls_error',
  'assertion_failed',
  'rejected_signature',
] as const;
export type ProbeResult = (typeof PROBE_RESULTS)[number];

/** Request phases, the way blackbox_exporter splits `probe_http_duration_seconds`. */
export const PHASES = ['dns', 'connect', 'tls', 'ttfb', 'transfer'] as const;
export type Phase = (typeof PHASES)[number];

export const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'none'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Why a delivery attempt failed. */
export const FAILURE_REASONS = [
  'http_4xx',
  'http_5xx',
  'rate_limited',
  'timeout',
  'connection',
  'tls',
  'dns',
  'other',
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** Final outcome of an event on the sender side. */
export const EVENT_OUTCOMES = ['delivered', 'dead_lettered'] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

/** Receiver-side processing outcome. */
export const PROCESSED_STATUSES = ['success', 'temporary_failure', 'permanent_failure', 'duplicate'] as const;
export type ProcessedStatus = (typeof PROCESSED_STATUSES)[number];

/** Attempt numbers of retries, bounded: 2 … 8, then `9+`. */
export const RETRY_ATTEMPTS = ['2', '3', '4', '5', '6', '7', '8', '9+'] as const;
export type RetryAttempt = (typeof RETRY_ATTEMPTS)[number];

/** Why the exporter skipped a line. */
export const PARSE_ERROR_REASONS = [
  'invalid_json',
  'not_object',
  'missing_field',
  'wrong_type',
  'bad_timestamp',
  'line_too_long',
  'unknown_kind',
  /** A value outside its field's enum (an attempt's `outcome`, a processed `status`, Svix's `status`, Convoy's `status`). */
  'unknown_value',
] as const;
export type ParseErrorReason = (typeof PARSE_ERROR_REASONS)[number];

/** Why a scheduled probe run did not happen. */
export const SKIP_REASONS = ['overlap'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const RELOAD_RESULTS = ['success', 'failure'] as const;

/**
 * What became of an acknowledged ingest batch: `applied` under a new
 * Idempotency-Key, `replayed` (its key was already applied, so nothing
 * was counted again) or `unkeyed` (no key: at-least-once, a retry of it
 * is counted again).
 */
export const INGEST_BATCH_RESULTS = ['applied', 'replayed', 'unkeyed'] as const;
export type IngestBatchResult = (typeof INGEST_BATCH_RESULTS)[number];

/** Value an overflowing label takes once its cap is reached. */
export const OVERFLOW_VALUE = 'other';

/** Maps an HTTP status (or none) to its `status_class` value. */
export function statusClassOf(status: number | null | undefined): StatusClass {
  if (status == null || !Number.isFinite(status) || status < 100 || status > 599) return 'none';
  return `${Math.floor(status / 100)}xx` as StatusClass;
}

/** Maps an attempt number (1-based) to its `attempt` label value; null for the first attempt. */
export function retryAttemptOf(attempt: number): RetryAttempt | null {
  if (!Number.isFinite(attempt) || attempt < 2) return null;
  return attempt >= 9 ? '9+' : (String(Math.floor(attempt)) as RetryAttempt);
}
