/**
 * One line of text → a record or the reason it was skipped. Never throws:
 * the exporter must survive any input (a property test feeds it arbitrary
 * bytes).
 */
import type { ParseErrorReason } from '../../catalog/index.js';
import type { RecordFormatSpec } from '../../config/index.js';
import { compileFields, compileMapping, type FieldMapping, type Fields, type RecordReader } from './map.js';
import { scanNative } from './native-scan.js';
import { CONVOY_FORMAT, HOOKWATCH_FORMAT, SVIX_FORMAT } from './presets.js';
import { FieldError, type DeliveryRecord, type ParseResult } from './record.js';

/** The config's `format` and `map:` of one source. */
export type FormatSpec = RecordFormatSpec;

/**
 * A reader, and for the native format without a `map:` a scanner that
 * finds the mapped fields' values as JSON.parse and the reader's field
 * extraction would (./native-scan.ts; undefined when only JSON.parse can
 * tell), with the reader's second half to turn them into a record.
 */
export type LineReader = RecordReader & {
  readonly scan?: (line: string) => Fields | undefined;
  readonly fromFields?: (f: Fields, o: Record<string, unknown>) => DeliveryRecord;
};

/** Builds the reader for a source's format. `map` entries override the preset's paths. */
export function readerFor(spec: FormatSpec): LineReader {
  const base: FieldMapping = spec.format === 'svix' ? SVIX_FORMAT : spec.format === 'convoy' ? CONVOY_FORMAT : HOOKWATCH_FORMAT;
  if (!spec.map) return base === HOOKWATCH_FORMAT ? Object.assign(compileMapping(base), { scan: scanNative, fromFields: compileFields(base) }) : compileMapping(base);
  const { extract: _fast, ...generic } = base;
  return compileMapping({
    ...generic,
    paths: { ...(spec.format === 'map' ? {} : base.paths), ...spec.map.paths },
    durationUnit: spec.map.durationUnit,
    timestampFormat: spec.map.timestampFormat,
  });
}

/** Parses one line (without its newline; a trailing CR is ignored). */
export function parseLine(line: string, read: LineReader): ParseResult {
  const r = parseRecord(line, read);
  return typeof r === 'string' ? { ok: false, reason: r } : { ok: true, record: r };
}

/** Like parseLine, without the result wrapper (the counting hot path): a record, or the reason it was skipped. */
export function parseRecord(line: string, read: LineReader): DeliveryRecord | ParseErrorReason {
  const fields = read.scan?.(line);
  let value: unknown;
  if (fields === undefined) {
    try {
      value = JSON.parse(line);
    } catch {
      return 'invalid_json';
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not_object';
  }
  try {
    // The native format has no `derive`: the raw object is not read.
    return fields !== undefined ? (read.fromFields as NonNullable<LineReader['fromFields']>)(fields, NO_OBJECT) : read(value as Record<string, unknown>);
  } catch (err) {
    return err instanceof FieldError ? err.reason : 'wrong_type';
  }
}

const NO_OBJECT: Record<string, unknown> = Object.freeze({});
