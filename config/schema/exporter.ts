import { z } from 'zod';
import { durationSchema, filePathSchema, listenSchema, nameSchema, secretFile, type SchemaContext } from './common.js';
import { EXPORTER_DEFAULTS } from '../defaults.js';

export const RECORD_FORMATS = ['hookwatch', 'svix', 'convoy', 'map'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** Record fields a `map:` can point at (the exporter's record readers follow the same list). */
export const MAPPED_FIELDS = [
  'ts', 'kind', 'event_id', 'event_type', 'endpoint', 'url', 'attempt', 'status', 'error', 'duration',
  'created_at', 'queued_at', 'outcome', 'processing', 'rate_limit_limit', 'rate_limit_remaining',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export const DURATION_UNITS = ['ms', 's', 'us', 'ns'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const TIMESTAMP_FORMATS = ['iso8601', 'unix_s', 'unix_ms'] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

/**
 * A request id correlates one sender's attempt with the receiver's logs;
 * as a label it would make a series per request, so no metric reads it.
 */
const noRequestId = z.undefined({ error: 'no request_id: no metric reads it (a label per request would be unbounded); correlate request ids in the logs themselves' }).optional();

/** Field mapping for logs in another shape: dotted paths into each JSON line. */
export const fieldMapSchema = z.strictObject({
  ...(Object.fromEntries(MAPPED_FIELDS.map((f) => [f, z.string().optional()])) as Record<MappedField, z.ZodOptional<z.ZodString>>),
  request_id: noRequestId,
  duration_unit: z.enum(DURATION_UNITS).default(EXPORTER_DEFAULTS.mapDurationUnit),
  timestamp_format: z.enum(TIMESTAMP_FORMATS).default(EXPORTER_DEFAULTS.mapTimestampFormat),
});

const formatFields = {
  format: z.enum(RECORD_FORMATS, { error: `one of ${RECORD_FORMATS.join(', ')}` }).default(EXPORTER_DEFAULTS.format),
  map: fieldMapSchema.optional(),
};

export function sourceSchema(ctx: SchemaContext) {
  return z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('file'),
      name: nameSchema.optional(),
      /** A file path or a glob (`/var/log/webhooks/*.jsonl`). */
      path: filePathSchema,
      ...formatFields,
    }),
    z.strictObject({ type: z.literal('stdin'), name: nameSchema.optional(), ...formatFields }),
    z.strictObject({
      type: z.literal('http'),
      name: nameSchema.optional(),
      path: z.string().startsWith('/').default(EXPORTER_DEFAULTS.ingestPath),
      token_file: secretFile(ctx).optional(),
      max_body_bytes: z.number().int().positive().default(EXPORTER_DEFAULTS.ingestMaxBodyBytes),
      /** The window of `Idempotency-Key`s: a retry within it is not counted again. */
      idempotency: z.strictObject({
        ttl: durationSchema.prefault(EXPORTER_DEFAULTS.ingestIdempotency.ttl.text),
        max_entries: z.number().int().positive().default(EXPORTER_DEFAULTS.ingestIdempotency.maxEntries),
      }).prefault({}),
      ...formatFields,
    }),
  ], { error: 'a source with type file, stdin or http' });
}

/**
 * ```yaml
 * exporter:
 *   listen: 127.0.0.1:9469
 *   state_dir: .hookwatch
 *   sources:
 *     - { type: file, path: /var/log/webhooks/deliveries.jsonl, format: hookwatch }
 *     - { type: file, path: /var/log/svix/*.jsonl, format: svix, name: svix }
 *     - { type: http, path: /ingest, token_file: /run/secrets/ingest_token, idempotency: { ttl: 1h, max_entries: 10000 } }
 *     - type: file
 *       path: /var/log/legacy.log
 *       format: map
 *       map: { ts: time, event_id: id, event_type: type, url: target.url, status: http.code, duration: took, duration_unit: s, timestamp_format: unix_s }
 * ```
 * `listen: 127.0.0.1:0` picks a free port; the daemon prints the address it
 * got (`listening on http://127.0.0.1:PORT`) on stderr.
 */
export function exporterSchema(ctx: SchemaContext) {
  return z.strictObject({
    listen: listenSchema.prefault(EXPORTER_DEFAULTS.listen),
    state_dir: filePathSchema.default(EXPORTER_DEFAULTS.stateDir),
    checkpoint_interval: durationSchema.prefault(EXPORTER_DEFAULTS.checkpointInterval.text),
    poll_interval: durationSchema.prefault(EXPORTER_DEFAULTS.pollInterval.text),
    max_line_bytes: z.number().int().positive().default(EXPORTER_DEFAULTS.maxLineBytes),
    /** Distinct values kept per label before new ones become `other`. */
    label_limit: z.number().int().positive().default(EXPORTER_DEFAULTS.labelLimit),
    sources: z.array(sourceSchema(ctx)).default([]),
  }).superRefine((e, zctx) => {
    e.sources.forEach((s, i) => {
      if (s.format === 'map' && !s.map) {
        zctx.addIssue({ code: 'custom', path: ['sources', i, 'map'], message: 'a map: of record fields to dotted paths (format: map)', input: s.map });
      }
      if (s.type === 'file' && /[*?[]/.test(s.path.replace(/[^/]*$/, ''))) {
        zctx.addIssue({ code: 'custom', path: ['sources', i, 'path'], message: 'wildcards only in the file name (/var/log/webhooks/*.jsonl)', input: s.path });
      }
    });
    const names = sourceNames(e.sources);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) zctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `a unique source name ("${n}" is taken)`, input: n });
    });
  });
}

/** The `source` label of each source: its `name`, else `<type>-<index>`. */
export function sourceNames(sources: readonly { readonly type: string; readonly name?: string | undefined }[]): string[] {
  return sources.map((s, i) => s.name ?? `${s.type}-${i}`);
}

export type ExporterInput = z.output<ReturnType<typeof exporterSchema>>;
