import { z } from 'zod';
import { durationSchema, ratioSchema } from './common.js';

/**
 * Alert thresholds. The global `alerts:` block sets them; an endpoint's
 * `alerts:` block overrides any of them for that endpoint alone.
 */
export const thresholdFields = {
  failure_rate: z.strictObject({
    threshold: ratioSchema.optional(),
    for: durationSchema.optional(),
    /** Rate window of the ratio (default 5m): shorter reacts faster, longer is steadier. */
    window: durationSchema.optional(),
    /** Below this many attempts per second over the window, the ratio is not judged. */
    min_rate_per_second: z.number().nonnegative().optional(),
  }).optional(),
  endpoint_down: z.strictObject({
    for: durationSchema.optional(),
    min_regions: z.number().int().positive().optional(),
  }).optional(),
  response_time: z.strictObject({
    p95_seconds: z.number().positive().optional(),
    /** Critical limit; must be above `p95_seconds` when both are given. */
    fail_p95_seconds: z.number().positive().optional(),
    degradation_factor: z.number().gt(1, { error: 'a factor > 1' }).optional(),
    for: durationSchema.optional(),
  }).refine((r) => r.p95_seconds === undefined || r.fail_p95_seconds === undefined || r.fail_p95_seconds > r.p95_seconds, {
    path: ['fail_p95_seconds'], message: 'a limit above p95_seconds (the critical limit must be the higher one)',
  }).optional(),
  dlq: z.strictObject({
    max_depth: z.number().int().nonnegative().optional(),
    growth_for: durationSchema.optional(),
  }).optional(),
  rate_limit: z.strictObject({
    remaining_ratio: ratioSchema.optional(),
    for: durationSchema.optional(),
  }).optional(),
  retry_rate: z.strictObject({
    threshold: ratioSchema.optional(),
    for: durationSchema.optional(),
  }).optional(),
  signature: z.strictObject({ for: durationSchema.optional() }).optional(),
  tls: z.strictObject({
    warning_days: z.number().positive().optional(),
    critical_days: z.number().positive().optional(),
  }).refine((t) => t.warning_days === undefined || t.critical_days === undefined || t.critical_days < t.warning_days, {
    path: ['critical_days'], message: 'fewer days than warning_days (critical comes closer to expiry)',
  }).optional(),
};

export const thresholdsSchema = z.strictObject(thresholdFields);
export type ThresholdsInput = z.output<typeof thresholdsSchema>;
