/**
 * One line of text → a record or the reason it was skipped. Never throws:
 * the exporter must survive any input (a property test feeds it arbitrary
 * bytes).
 */
import type { ParseErrorReason } from '../../catalog/index.js';
import type { RecordFormatSpec } from '../../config/index.js';
import { compileMapping, type FieldMapping, type RecordReader } from './map.js';
import { CONVOY_FORMAT, HOOKWATCH_FORMAT, SVIX_FORMAT } from './presets.js';
import { FieldError, type DeliveryRecord, type ParseResult } from './record.js';

/** The config's `format` and `map:` of one source. */
export type FormatSpec = RecordFormatSpec;

/** Builds the reader for a source's format. `map` entries override the preset's paths. */
export function readerFor(spec: FormatSpec): RecordReader {
  const base: FieldMapping = spec.format === 'svix' ? SVIX_FORMAT : spec.format === 'convoy' ? CONVOY_FORMAT : HOOKWATCH_FORMAT;
  if (!spec.map) return compileMapping(base);
  const { extract: _fast, ...generic } = base;
  return compileMapping({
    ...generic,
    paths: { ...(spec.format === 'map' ? {} : base.paths), ...spec.map.paths },
    durationUnit: spec.map.durationUnit,
    timestampFormat: spec.map.timestampFormat,
  });
}

/** Parses one line (without its newline; a trailing CR is ignored). */
export function parseLine(line: string, read: RecordReader): ParseResult {
  const r = parseRecord(line, read);
  return typeof r === 'string' ? { ok: false, reason: r } : { ok: true, record: r };
}

/** Like parseLine, without the result wrapper (the counting hot path): a record, or the reason it was skipped. */
export function parseRecord(line: string, read: RecordReader): DeliveryRecord | ParseErrorReason {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'invalid_json';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not_object';
  try {
    return read(value as Record<string, unknown>);
  } catch (err) {
    return err instanceof FieldError ? err.reason : 'wrong_type';
  }
}
