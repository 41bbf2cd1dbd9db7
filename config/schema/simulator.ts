import { z } from 'zod';
import { durationSchema, filePathSchema, nameSchema, positiveSeconds } from './common.js';

/** Svix's documented schedule: immediately, 5 s, 5 m, 30 m, 2 h, 5 h, 10 h, 10 h. */
export const SVIX_SCHEDULE = ['0s', '5s', '5m', '30m', '2h', '5h', '10h', '10h'] as const;

/**
 * The traffic simulator: sends signed events at a rate, retries the way a
 * webhook platform does, dead-letters exhausted events and logs every attempt.
 *
 * ```yaml
 * simulator:
 *   rate_per_second: 5
 *   retry: { schedule: [0s, 1s, 2s, 4s], jitter: 0.2 }
 *   log: { path: .hookwatch/demo/deliveries.jsonl, max_bytes: 10485760, keep: 3 }
 * ```
 */
export const simulatorSchema = z.strictObject({
  rate_per_second: z.number().positive().max(1000, { error: 'at most 1000 events per second' }).default(2),
  /** Endpoints to send to; all configured endpoints when omitted. */
  endpoints: z.array(nameSchema).min(1).optional(),
  timeout_seconds: positiveSeconds.default(10),
  retry: z.strictObject({
    /** Delay before each attempt (the first is usually 0s); its length is the attempt limit. */
    schedule: z.array(durationSchema).min(1).prefault([...SVIX_SCHEDULE]),
    /** ± fraction of each delay. */
    jitter: z.number().min(0).max(1).default(0.2),
  }).prefault({}),
  log: z.strictObject({
    path: filePathSchema,
    max_bytes: z.number().int().positive().default(10 * 1024 * 1024),
    keep: z.number().int().nonnegative().default(3),
  }),
});

export type SimulatorInput = z.output<typeof simulatorSchema>;
