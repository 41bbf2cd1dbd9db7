import { z } from 'zod';
import { durationSchema, filePathSchema, listenSchema, nameSchema, secretFile, type SchemaContext } from './common.js';
import { EXPORTER_DEFAULTS } from '../defaults.js';

export const RECORD_FORMATS = ['hookwatch', 'svix', 'convoy', 'map'] as const;

/** Field mapping for logs in another shape: dotted paths into each JSON line. */
export const fieldMapSchema = z.strictObject({
  ts: z.string().optional(),
  kind: z.string().optional(),
  event_id: z.string().optional(),
  event_type: z.string().optional(),
  endpoint: z.string().optional(),
  url: z.string().optional(),
  attempt: z.string().optional(),
  status: z.string().optional(),
  error: z.string().optional(),
  duration: z.string().optional(),
  created_at: z.string().optional(),
  queued_at: z.string().optional(),
  outcome: z.string().optional(),
  processing: z.string().optional(),
  rate_limit_limit: z.string().optional(),
  rate_limit_remaining: z.string().optional(),
  request_id: z.string().optional(),
  duration_unit: z.enum(['ms', 's', 'us', 'ns']).default('ms'),
  timestamp_format: z.enum(['iso8601', 'unix_s', 'unix_ms']).default('iso8601'),
});

const formatFields = {
  format: z.enum(RECORD_FORMATS, { error: `one of ${RECORD_FORMATS.join(', ')}` }).default('hookwatch'),
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
      path: z.string().startsWith('/').default('/ingest'),
      token_file: secretFile(ctx).optional(),
      max_body_bytes: z.number().int().positive().default(EXPORTER_DEFAULTS.ingestMaxBodyBytes),
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
 *     - { type: http, path: /ingest, token_file: /run/secrets/ingest_token }
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
    const names = e.sources.map((s, i) => s.name ?? `${s.type}-${i}`);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) zctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `a unique source name ("${n}" is taken)`, input: n });
    });
  });
}
