/**
 * The normalised delivery log record (DESIGN.md "Delivery log record v1")
 * every input format is mapped onto before aggregation.
 */
import type { ParseErrorReason, ProcessedStatus } from '../../catalog/index.js';

export const RECORD_KINDS = ['attempt', 'dlq', 'dlq_replay', 'processed'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * An attempt's `outcome` (record v1): `delivered` and `dead_lettered` are
 * an event's final outcomes; `retrying` and `failed` say this attempt
 * failed (`failed`: without saying whether the sender retries, as a Svix
 * attempt with status Fail). Any other value is a parse error, never dropped.
 */
export const RECORD_OUTCOMES = ['delivered', 'retrying', 'failed', 'dead_lettered'] as const;
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

/** One parsed line. Times are Unix seconds; durations are seconds. */
export interface DeliveryRecord {
  readonly kind: RecordKind;
  readonly ts: number;
  readonly eventId: string;
  readonly eventType: string;
  /** The `endpoint` field as written (a configured name, a URL or anything). */
  readonly endpoint: string | undefined;
  /** The target URL, used to find the configured endpoint when `endpoint` is absent or unknown. */
  readonly url: string | undefined;
  readonly attempt: number | undefined;
  /** HTTP status; undefined when no response was received. */
  readonly status: number | undefined;
  /** Transport error text (timeout, ECONNREFUSED, …); undefined when none. */
  readonly error: string | undefined;
  readonly durationSeconds: number | undefined;
  readonly createdAt: number | undefined;
  readonly queuedAt: number | undefined;
  readonly outcome: RecordOutcome | undefined;
  readonly rateLimitLimit: number | undefined;
  readonly rateLimitRemaining: number | undefined;
  readonly processingSeconds: number | undefined;
  readonly processedStatus: ProcessedStatus | undefined;
  /**
   * The format carries no attempt number (Svix, Convoy): the counting stage
   * numbers the attempts of each (event, endpoint) in log order.
   */
  readonly deriveAttempt?: boolean;
}

/** Result of parsing one line: a record, or the reason it was skipped. */
export type ParseResult = { readonly ok: true; readonly record: DeliveryRecord } | { readonly ok: false; readonly reason: ParseErrorReason };

/** Thrown inside field readers and caught by the line parser; never escapes it. */
export class FieldError extends Error {
  constructor(readonly reason: ParseErrorReason) {
    super(reason);
  }
}
