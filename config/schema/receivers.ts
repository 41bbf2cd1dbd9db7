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
  endpoint: nameSchema.describe('The configured endpoint this receiver stands for; it verifies with that endpoint\'s `signing`.'),
  listen: listenSchema.describe('Where it serves `/webhook`, `/webhook-health`, `/dlq` and `/admin/faults`.'),
  log: filePathSchema.optional().describe('The delivery log it writes (records of kind `processed`, `dlq`, `dlq_replay`); none when omitted.'),
  idempotency: z.strictObject({
    store: z.enum(['memory', 'file']).default(RECEIVER_DEFAULTS.idempotency.store).describe('Where seen event ids are kept; `file` survives a restart.'),
    path: filePathSchema.optional().describe('The file of `store: file`.'),
    ttl: durationSchema.prefault(RECEIVER_DEFAULTS.idempotency.ttl.text).describe('How long an event id is remembered.'),
    max_entries: z.number().int().positive().default(RECEIVER_DEFAULTS.idempotency.maxEntries).describe('Most ids kept (oldest dropped first).'),
  }).refine((i) => i.store !== 'file' || i.path !== undefined, { message: 'a path when store is file', path: ['path'] }).prefault({}),
  processing: z.strictObject({
    concurrency: z.number().int().positive().default(RECEIVER_DEFAULTS.processing.concurrency).describe('Events handled at once.'),
    queue_limit: z.number().int().positive().default(RECEIVER_DEFAULTS.processing.queueLimit).describe('Queued events before new ones get 503.'),
    max_attempts: z.number().int().positive().default(RECEIVER_DEFAULTS.processing.maxAttempts).describe('Handler attempts before an event is dead-lettered.'),
    backoff: durationSchema.prefault(RECEIVER_DEFAULTS.processing.backoff.text).describe('Delay before the first handler retry; it doubles for each further one, with ±50% jitter.'),
    max_backoff: durationSchema.prefault(RECEIVER_DEFAULTS.processing.maxBackoff.text).describe('Longest delay between handler attempts.'),
    dlq_replay_interval: durationSchema.optional().describe('Replay DLQ entries at least this old on this interval (a dependency had time to recover); off when omitted.'),
  }).prefault({}),
  handlers: z.record(z.string(), z.array(nameSchema).min(1)).default(() => structuredClone(RECEIVER_DEFAULTS.handlers)).describe('Event type → internal handlers it fans out to; `*` matches every type.'),
  faults: faultsSchema.prefault({}).describe('Injected faults (the demo\'s flaky endpoint; changeable at run time through `/admin/faults`).'),
  admin: z.boolean().default(RECEIVER_DEFAULTS.admin).describe('Serve GET/PUT `/admin/faults` (loopback demo and tests).'),
});

export type ReceiverInput = z.output<typeof receiverSchema>;
