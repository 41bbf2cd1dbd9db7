import { z } from 'zod';
import { durationSchema, listenSchema, nameSchema, positiveSeconds } from './common.js';
import { validateSchedule } from './schedule.js';
import { PROBER_DEFAULTS } from '../defaults.js';

/**
 * ```yaml
 * prober:
 *   region: eu-west-1
 *   schedule: "*\/15 * * * * *"   # or interval: 45s
 *   timeout_seconds: 10
 *   listen: 127.0.0.1:9468
 * ```
 */
export const proberSchema = z.strictObject({
  region: nameSchema.default(PROBER_DEFAULTS.region),
  schedule: z.string().superRefine(validateSchedule).optional(),
  interval: durationSchema.optional(),
  timeout_seconds: positiveSeconds.default(PROBER_DEFAULTS.timeoutSeconds),
  listen: listenSchema.prefault(PROBER_DEFAULTS.listen),
  body_limit_bytes: z.number().int().positive().default(PROBER_DEFAULTS.bodyLimitBytes),
  user_agent: z.string().min(1).default(PROBER_DEFAULTS.userAgent),
  /** Recent results kept per endpoint and check (status page, bounded memory). */
  history_size: z.number().int().min(10).max(100_000).default(PROBER_DEFAULTS.historySize),
}).superRefine((p, ctx) => {
  if (p.schedule !== undefined && p.interval !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['interval'], message: 'either schedule or interval, not both', input: p.interval.text });
  }
});
