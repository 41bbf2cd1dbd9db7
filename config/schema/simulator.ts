import { z } from 'zod';
import { durationSchema, filePathSchema, nameSchema, positiveSeconds } from './common.js';
import { SIMULATOR_DEFAULTS } from '../defaults.js';

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
  rate_per_second: z.number().positive().max(1000, { error: 'at most 1000 events per second' }).default(SIMULATOR_DEFAULTS.ratePerSecond).describe('New events per second, spread over the endpoints.'),
  endpoints: z.array(nameSchema).min(1).optional().meta({ description: 'Endpoints to send to.', default: 'every configured endpoint' }),
  timeout_seconds: positiveSeconds.default(SIMULATOR_DEFAULTS.timeoutSeconds).describe('Timeout of one attempt.'),
  retry: z.strictObject({
    schedule: z.array(durationSchema).min(1).prefault([...SIMULATOR_DEFAULTS.retry.schedule]).describe('Delay before each attempt (the first is usually 0s); its length is the attempt limit, then the event is dead-lettered. Default: Svix\'s schedule.'),
    jitter: z.number().min(0).max(1).default(SIMULATOR_DEFAULTS.retry.jitter).describe('± fraction of each delay.'),
  }).prefault({}),
  log: z.strictObject({
    path: filePathSchema.describe('The delivery log it writes (one `attempt` record per attempt, `dlq` when exhausted).'),
    max_bytes: z.number().int().positive().default(SIMULATOR_DEFAULTS.log.maxBytes).describe('Size at which the log is rotated (renamed to `.1`).'),
    keep: z.number().int().nonnegative().default(SIMULATOR_DEFAULTS.log.keep).describe('Rotated files kept.'),
  }),
});

export type SimulatorInput = z.output<typeof simulatorSchema>;
