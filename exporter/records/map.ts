/**
 * Field mappings: where each record field lives in a JSON line (dotted
 * paths), in which unit durations are written and how timestamps look.
 * The native format, the presets and the user's `map:` all compile to one
 * reader, so every format gets the same validation and error reasons.
 */
import { PROCESSED_STATUSES, type ProcessedStatus } from '../../catalog/index.js';
// The field list's own module: counting threads do not load the config schema.
import { MAPPED_FIELDS, type MappedField } from '../../config/record-fields.js';
import type { DurationUnit } from '../../config/index.js';
import { FieldError, RECORD_KINDS, RECORD_OUTCOMES, type DeliveryRecord, type RecordKind, type RecordOutcome } from './record.js';
import { optionalTimestamp, readTimestamp, type TimestampFormat } from './time.js';

const UNIT_SECONDS: Record<DurationUnit, number> = { s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };

export type { MappedField };

export interface FieldMapping {
  readonly paths: Partial<Record<MappedField, string>>;
  readonly durationUnit: DurationUnit;
  readonly timestampFormat: TimestampFormat;
  /** Values used when a field is absent (e.g. Convoy attempts carry no event type). */
  readonly defaults?: Partial<Record<'event_type' | 'kind', string>>;
  /**
   * Reads every mapped field at once with literal property access: an
   * optional fast path equal to following `paths` (the native format uses
   * it; a property test checks the two agree).
   */
  readonly extract?: (o: Record<string, unknown>) => Fields;
  /**
   * Format-specific fix-ups on the raw object (Svix status codes, Convoy
   * durations, an error text where the format has no error field); may
   * throw FieldError for a value outside the format's enum.
   */
  readonly derive?: (raw: Record<string, unknown>) => Partial<Pick<DeliveryRecord, 'outcome' | 'durationSeconds' | 'error'>>;
  /** The format has no attempt number: attempts are numbered while counting (DeliveryRecord.deriveAttempt). */
  readonly deriveAttempt?: boolean;
}

/** The raw values found for each mapped field. */
export type Fields = Record<MappedField, unknown>;

/** Follows the dotted paths of a mapping. */
export function pathExtractor(paths: FieldMapping['paths']): (o: Record<string, unknown>) => Fields {
  const g = MAPPED_FIELDS.map((f) => [f, getter(paths[f])] as const);
  return (o) => {
    const out = {} as Fields;
    for (const [f, get] of g) out[f] = get(o);
    return out;
  };
}

/** A compiled mapping: JSON object → record, throwing FieldError on bad input. */
export type RecordReader = (obj: Record<string, unknown>) => DeliveryRecord;

type Getter = (o: Record<string, unknown>) => unknown;

function getter(path: string | undefined): Getter {
  if (path === undefined) return () => undefined;
  const parts = path.split('.');
  if (parts.length === 1) return (o) => o[path];
  return (o) => {
    let v: unknown = o;
    for (const p of parts) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  };
}

function str(v: unknown, required: boolean): string | undefined {
  if (v == null || v === '') {
    if (required) throw new FieldError('missing_field');
    return undefined;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new FieldError('wrong_type');
}

/** Numbers may be written as numeric strings (Convoy's `http_status` is one). */
function num(v: unknown): number | undefined {
  if (v == null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new FieldError('wrong_type');
  return n;
}

/** What a format without `derive` adds: nothing (one shared object, not one per line). */
const NO_EXTRA: ReturnType<NonNullable<FieldMapping['derive']>> = Object.freeze({});

/** Compiles a mapping into a reader. */
export function compileMapping(m: FieldMapping): RecordReader {
  const extract = m.extract ?? pathExtractor(m.paths);
  const fromFields = compileFields(m);
  return (o) => fromFields(extract(o), o);
}

/**
 * The second half of a reader: the mapped fields' raw values (and the raw
 * object, for the format's `derive`) → record. A scanner that finds the
 * fields itself (./native-scan.ts) calls it directly.
 */
export function compileFields(m: FieldMapping): (f: Fields, o: Record<string, unknown>) => DeliveryRecord {
  const unit = UNIT_SECONDS[m.durationUnit];
  const tf = m.timestampFormat;
  const defaults = m.defaults ?? {};
  const deriveAttempt = m.deriveAttempt === true;
  return (f, o) => {
    const kindText = str(f.kind, false) ?? defaults.kind ?? 'attempt';
    if (!(RECORD_KINDS as readonly string[]).includes(kindText)) throw new FieldError('unknown_kind');
    const kind = kindText as RecordKind;
    const ts = readTimestamp(f.ts ?? missing(), tf);
    const eventId = str(f.event_id, true) as string;
    const eventType = str(f.event_type, false) ?? defaults.event_type ?? missing();
    const endpoint = str(f.endpoint, false);
    const url = str(f.url, false);
    if (endpoint === undefined && url === undefined) throw new FieldError('missing_field');
    let status: number | undefined;
    let processedStatus: ProcessedStatus | undefined;
    if (kind === 'processed') {
      // Receiver-side records carry the processing outcome, not an HTTP code.
      const s = str(f.status, false);
      processedStatus = oneOf<ProcessedStatus>(s, PROCESSED_STATUSES);
    } else status = num(f.status);
    const duration = num(f.duration);
    const processing = num(f.processing);
    const extra = m.derive ? m.derive(o) : NO_EXTRA;
    const errorValue = f.error;
    const attempt = num(f.attempt);
    const outcome: RecordOutcome | undefined = oneOf(str(f.outcome, false), RECORD_OUTCOMES) ?? extra.outcome;
    return {
      kind, ts, eventId, eventType, endpoint, url,
      attempt,
      status,
      error: errorValue == null || errorValue === '' || errorValue === false ? extra.error : typeof errorValue === 'string' ? errorValue : 'other',
      durationSeconds: duration === undefined ? extra.durationSeconds : duration * unit,
      createdAt: optionalTimestamp(f.created_at, tf),
      queuedAt: optionalTimestamp(f.queued_at, tf),
      outcome,
      rateLimitLimit: num(f.rate_limit_limit),
      rateLimitRemaining: num(f.rate_limit_remaining),
      processingSeconds: processing === undefined ? undefined : processing * unit,
      processedStatus,
      deriveAttempt: deriveAttempt && attempt === undefined,
    };
  };
}

/** A value of `allowed`, or FieldError(unknown_value); undefined when absent. */
export function oneOf<T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new FieldError('unknown_value');
  return v as T;
}

function missing(): never {
  throw new FieldError('missing_field');
}
