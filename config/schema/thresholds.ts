import { z } from 'zod';
import { durationSchema, ratioSchema } from './common.js';
import { ALERT_DEFAULTS as D } from '../defaults.js';

/** A threshold whose default comes from ALERT_DEFAULTS, for the reference. */
const dflt = (description: string, value: number | { readonly text: string }) => ({ description, default: typeof value === 'number' ? String(value) : value.text });

/**
 * Alert thresholds. The global `alerts:` block sets them; an endpoint's
 * `alerts:` block overrides any of them for that endpoint alone.
 */
export const thresholdFields = {
  failure_rate: z.strictObject({
    threshold: ratioSchema.optional().meta(dflt('Share of failed attempts that fires `WebhookHighFailureRate`.', D.failureRate.threshold)),
    for: durationSchema.optional().meta(dflt('How long the ratio must hold.', D.failureRate.for)),
    window: durationSchema.optional().meta(dflt('Rate window of the ratio: shorter reacts faster, longer is steadier.', D.failureRate.window)),
    min_rate_per_second: z.number().nonnegative().optional().meta(dflt('Below this many attempts per second over the window, the ratio is not judged.', D.failureRate.minRatePerSecond)),
  }).optional(),
  endpoint_down: z.strictObject({
    for: durationSchema.optional().meta(dflt('How long probes must fail before `WebhookEndpointDown`.', D.endpointDown.for)),
    min_regions: z.number().int().positive().optional().meta(dflt('How many prober regions must see it down.', D.endpointDown.minRegions)),
  }).optional(),
  response_time: z.strictObject({
    p95_seconds: z.number().positive().optional().meta(dflt('p95 delivery latency that warns.', D.responseTime.p95Seconds)),
    fail_p95_seconds: z.number().positive().optional().meta(dflt('p95 that is critical; above `p95_seconds`.', D.responseTime.failP95Seconds)),
    degradation_factor: z.number().gt(1, { error: 'a factor > 1' }).optional().meta(dflt('p95 this many times its level a day earlier warns.', D.responseTime.degradationFactor)),
    for: durationSchema.optional().meta(dflt('How long the latency must hold.', D.responseTime.for)),
  }).refine((r) => r.p95_seconds === undefined || r.fail_p95_seconds === undefined || r.fail_p95_seconds > r.p95_seconds, {
    path: ['fail_p95_seconds'], message: 'a limit above p95_seconds (the critical limit must be the higher one)',
  }).optional(),
  dlq: z.strictObject({
    max_depth: z.number().int().nonnegative().optional().meta(dflt('DLQ depth that fires.', D.dlq.maxDepth)),
    growth_for: durationSchema.optional().meta(dflt('How long the DLQ may grow without pause before `WebhookDLQGrowing`.', D.dlq.growthFor)),
  }).optional(),
  rate_limit: z.strictObject({
    remaining_ratio: ratioSchema.optional().meta(dflt('Share of the rate limit left that warns.', D.rateLimit.remainingRatio)),
    for: durationSchema.optional().meta(dflt('How long it must hold.', D.rateLimit.for)),
  }).optional(),
  retry_rate: z.strictObject({
    threshold: ratioSchema.optional().meta(dflt('Share of attempts that are retries that warns.', D.retryRate.threshold)),
    for: durationSchema.optional().meta(dflt('How long it must hold.', D.retryRate.for)),
  }).optional(),
  signature: z.strictObject({ for: durationSchema.optional().meta(dflt('How long signatures may be rejected before the signature alert.', D.signature.for)) }).optional(),
  tls: z.strictObject({
    warning_days: z.number().positive().optional().meta(dflt('Days before certificate expiry that warn.', D.tls.warningDays)),
    critical_days: z.number().positive().optional().meta(dflt('Days before expiry that are critical; fewer than `warning_days`.', D.tls.criticalDays)),
  }).refine((t) => t.warning_days === undefined || t.critical_days === undefined || t.critical_days < t.warning_days, {
    path: ['critical_days'], message: 'fewer days than warning_days (critical comes closer to expiry)',
  }).optional(),
};

export const thresholdsSchema = z.strictObject(thresholdFields);
export type ThresholdsInput = z.output<typeof thresholdsSchema>;
