import { z } from 'zod';
import { durationSchema, positiveSeconds } from './common.js';
import { validateSchedule } from './schedule.js';

/** Accepted status codes: numbers or classes like `2xx`. */
const statusSchema = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/),
], { error: 'a status code (100-599) or a class like 2xx' });

export const expectSchema = z.strictObject({
  status: z.array(statusSchema).min(1).optional(),
  body_contains: z.string().optional(),
  /** JSON body fields that must equal a value, by dotted path. */
  json: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** Slower than this: success, but `degraded` on the status page. */
  degraded_after_seconds: positiveSeconds.optional(),
  /** Slower than this: the probe fails with `assertion_failed`. */
  fail_after_seconds: positiveSeconds.optional(),
}).transform((e) => ({
  status: e.status,
  bodyContains: e.body_contains,
  json: e.json,
  degradedAfterSeconds: e.degraded_after_seconds,
  failAfterSeconds: e.fail_after_seconds,
}));

const scheduleFields = {
  enabled: z.boolean().optional(),
  /** node-cron expression; a leading sixth field is seconds. */
  schedule: z.string().superRefine(validateSchedule).optional(),
  /** A plain interval, for periods cron cannot express (45s). */
  interval: durationSchema.optional(),
  timeout_seconds: positiveSeconds.optional(),
  expect: expectSchema.optional(),
};

export const deliveryCheckSchema = z.strictObject({
  ...scheduleFields,
  /** Body template; `{{id}}`, `{{type}}`, `{{timestamp}}`, `{{iso_time}}`, `{{endpoint}}` are replaced. */
  body: z.string().optional(),
  method: z.enum(['POST', 'PUT']).optional(),
});
export const healthCheckSchema = z.strictObject({ ...scheduleFields });
export const signatureCheckSchema = z.strictObject({ ...scheduleFields });

export const checksSchema = z.strictObject({
  delivery: deliveryCheckSchema.optional(),
  health: healthCheckSchema.optional(),
  signature_enforcement: signatureCheckSchema.optional(),
});
