import { z } from 'zod';
import { durationSchema, filePathSchema, listenSchema, nameSchema, secretFile, type SchemaContext } from './common.js';
import { EXPORTER_DEFAULTS } from '../defaults.js';
import { MAPPED_FIELDS, type MappedField } from '../record-fields.js';

export const RECORD_FORMATS = ['hookwatch', 'svix', 'convoy', 'map'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** Record fields a `map:` can point at (../record-fields.ts, a module without zod). */
export { MAPPED_FIELDS, type MappedField };

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
  ...(Object.fromEntries(MAPPED_FIELDS.map((f) => [f, z.string().optional().describe(`Dotted path of the record's \`${f}\` in each line (docs/delivery-log.md).`)])) as Record<MappedField, z.ZodOptional<z.ZodString>>),
  request_id: noRequestId,
  duration_unit: z.enum(DURATION_UNITS).default(EXPORTER_DEFAULTS.mapDurationUnit).describe('Unit of the mapped `duration` and `processing`.'),
  timestamp_format: z.enum(TIMESTAMP_FORMATS).default(EXPORTER_DEFAULTS.mapTimestampFormat).describe('How the mapped `ts`, `created_at` and `queued_at` are written.'),
});

/** The `source` label of a source's own metrics. */
const sourceName = nameSchema.optional().meta({ description: 'The `source` label of the exporter\'s own metrics; unique.', default: '<type>-<index>' });

const formatFields = {
  format: z.enum(RECORD_FORMATS, { error: `one of ${RECORD_FORMATS.join(', ')}` }).default(EXPORTER_DEFAULTS.format).describe('The shape of each line: the hookwatch record, a Svix or Convoy attempt, or your own (`map`).'),
  map: fieldMapSchema.optional().describe('Where each record field is in a line: required with `format: map`; with another format it overrides the preset\'s paths.'),
};

export function sourceSchema(ctx: SchemaContext) {
  return z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('file').describe('Tails a file or a glob, following rotation (rename or copytruncate).'),
      name: sourceName,
      path: filePathSchema.describe('A file, or a glob in the file name (`/var/log/webhooks/*.jsonl`).'),
      ...formatFields,
    }),
    z.strictObject({ type: z.literal('stdin').describe('Reads lines from standard input.'), name: sourceName, ...formatFields }),
    z.strictObject({
      type: z.literal('http').describe('Accepts lines POSTed to the exporter\'s address (one record a line).'),
      name: sourceName,
      path: z.string().startsWith('/').default(EXPORTER_DEFAULTS.ingestPath).describe('The URL path that accepts POSTs.'),
      token_file: secretFile(ctx).optional().describe('A bearer token every POST must carry; none when omitted.'),
      max_body_bytes: z.number().int().positive().default(EXPORTER_DEFAULTS.ingestMaxBodyBytes).describe('Largest accepted body (413 past it).'),
      idempotency: z.strictObject({
        ttl: durationSchema.prefault(EXPORTER_DEFAULTS.ingestIdempotency.ttl.text).describe('How long an applied `Idempotency-Key` is remembered: a retry within it is answered as before and not counted again.'),
        max_entries: z.number().int().positive().default(EXPORTER_DEFAULTS.ingestIdempotency.maxEntries).describe('Most keys remembered (oldest forgotten first).'),
      }).prefault({}).describe('The window of `Idempotency-Key`s.'),
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
    enabled: z.boolean().optional().meta({ description: 'Whether an exporter runs for this config; when it is off, the build writes no exporter scrape job, rules or meta-alerts (a prober-only install).', default: 'true when sources are listed, else false' }),
    listen: listenSchema.prefault(EXPORTER_DEFAULTS.listen).describe('Where the exporter serves `/metrics` (and the `http` sources).'),
    state_dir: filePathSchema.default(EXPORTER_DEFAULTS.stateDir).describe('Where the checkpoint (positions and counters) is kept.'),
    checkpoint_interval: durationSchema.prefault(EXPORTER_DEFAULTS.checkpointInterval.text).describe('How often the checkpoint is written (every scrape writes one too).'),
    poll_interval: durationSchema.prefault(EXPORTER_DEFAULTS.pollInterval.text).describe('How often files are checked for new lines, renames and truncation.'),
    max_line_bytes: z.number().int().positive().default(EXPORTER_DEFAULTS.maxLineBytes).describe('Longer lines are skipped and counted as `line_too_long`.'),
    label_limit: z.number().int().positive().default(EXPORTER_DEFAULTS.labelLimit).describe('Distinct `endpoint` and `event_type` values kept before new ones become `other` (configured endpoints are exempt).'),
    attempt_memory: z.number().int().positive().default(EXPORTER_DEFAULTS.attemptMemory).describe('How many (event, endpoint) pairs are remembered to number Svix and Convoy attempts, which carry no attempt number; the oldest is forgotten first.'),
    parallel_catch_up_bytes: z.number().int().positive().default(EXPORTER_DEFAULTS.parallelCatchUpBytes).describe('Unread bytes, over all file sources, from which the daemon counts a backlog (at start, after a restart or a kill -9, or when it fell behind) on worker threads on every core, with the same counts as one thread; it applies when every source is a single file (no glob) of a format that carries its attempt numbers (not Svix or Convoy). Checkpoints are written between the parts as they merge, so a kill -9 during the catch-up resumes from exact counts.'),
    sources: z.array(sourceSchema(ctx)).default([]).describe('Where delivery logs come from.'),
  }).superRefine((e, zctx) => {
    e.sources.forEach((s, i) => {
      if (s.format === 'map' && !s.map) {
        zctx.addIssue({ code: 'custom', path: ['sources', i, 'map'], message: 'a map: of record fields to dotted paths (format: map)', input: s.map });
      }
      if (s.type === 'file' && /[*?[]/.test(s.path.replace(/[^/]*$/, ''))) {
        zctx.addIssue({ code: 'custom', path: ['sources', i, 'path'], message: 'wildcards only in the file name (/var/log/webhooks/*.jsonl)', input: s.path });
      }
    });
    if (e.enabled === true && e.sources.length === 0) {
      zctx.addIssue({ code: 'custom', path: ['enabled'], message: 'sources to read when the exporter is enabled (list exporter.sources, or leave enabled out)', input: e.enabled });
    }
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
