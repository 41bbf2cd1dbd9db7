import { z } from 'zod';
import { durationSchema, filePathSchema, listenSchema, nameSchema } from './common.js';
import { faultsSchema } from './faults.js';
import { RECEIVER_DEFAULTS } from '../defaults.js';

/**
 * Reference receivers that `hookwatch receive` and `hookwatch up` run.
 *
 * ```yaml
 * receivers:
 *   - endpoint: payments-primary         # verifies with this endpoint's signing
 *     listen: 127.0.0.1:8601
 *     log: .hookwatch/demo/receiver-primary.jsonl
 *     idempotency: { store: file, path: .hookwatch/demo/primary-ids.jsonl, ttl: 24h }
 *     handlers: { payment.received: [ledger, notifications], "*": [audit] }
 * ```
 */
export const receiverSchema = z.strictObject({
  endpoint: nameSchema,
  listen: listenSchema,
  /** Delivery log the receiver writes (kind processed, dlq, dlq_replay). */
  log: filePathSchema.optional(),
  idempotency: z.strictObject({
    store: z.enum(['memory', 'file']).default(RECEIVER_DEFAULTS.idempotency.store),
    path: filePathSchema.optional(),
    ttl: durationSchema.prefault(RECEIVER_DEFAULTS.idempotency.ttl.text),
    max_entries: z.number().int().positive().default(RECEIVER_DEFAULTS.idempotency.maxEntries),
  }).refine((i) => i.store !== 'file' || i.path !== undefined, { message: 'a path when store is file', path: ['path'] }).prefault({}),
  processing: z.strictObject({
    concurrency: z.number().int().positive().default(RECEIVER_DEFAULTS.processing.concurrency),
    queue_limit: z.number().int().positive().default(RECEIVER_DEFAULTS.processing.queueLimit),
    max_attempts: z.number().int().positive().default(RECEIVER_DEFAULTS.processing.maxAttempts),
    backoff: durationSchema.prefault(RECEIVER_DEFAULTS.processing.backoff.text),
    max_backoff: durationSchema.prefault(RECEIVER_DEFAULTS.processing.maxBackoff.text),
    /** Replay DLQ entries at least this old on this interval (a dependency had time to recover); off when omitted. */
    dlq_replay_interval: durationSchema.optional(),
  }).prefault({}),
  /** Event type → internal handlers it fans out to; `*` matches every type. */
  handlers: z.record(z.string(), z.array(nameSchema).min(1)).default(() => structuredClone(RECEIVER_DEFAULTS.handlers)),
  faults: faultsSchema.prefault({}),
  /** Serve GET/PUT /admin/faults (loopback demo and tests). */
  admin: z.boolean().default(RECEIVER_DEFAULTS.admin),
});

export type ReceiverInput = z.output<typeof receiverSchema>;
