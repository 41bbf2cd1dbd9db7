import { z } from 'zod';
import { filePathSchema, httpUrlSchema, nameSchema, positiveSeconds, ratioSchema, type SchemaContext } from './common.js';
import { checksSchema } from './checks.js';
import { enforcementNeedsSigning, signingSchema } from './signing.js';
import { thresholdsSchema } from './thresholds.js';
import { ENDPOINT_DEFAULTS } from '../defaults.js';

/**
 * One webhook endpoint: where it is, how it is signed, its SLO.
 *
 * ```yaml
 * - name: payments-primary
 *   url: https://primary.example.com/webhook
 *   health_url: https://primary.example.com/webhook-health
 *   events: [payment.received, subscription.created]
 *   signing: { scheme: standard-webhooks, secret: ${env:PRIMARY_WEBHOOK_SECRET} }
 *   slo: { success_ratio: 0.999, latency_p95_seconds: 2 }
 * ```
 */
export function endpointSchema(ctx: SchemaContext) {
  return z.strictObject({
    name: nameSchema,
    url: httpUrlSchema,
    health_url: httpUrlSchema.optional(),
    events: z.array(z.string().min(1)).min(1, { error: 'at least one event type' }).default(() => [...ENDPOINT_DEFAULTS.events]),
    signing: signingSchema(ctx).optional(),
    slo: z.strictObject({
      success_ratio: ratioSchema.default(ENDPOINT_DEFAULTS.slo.successRatio),
      latency_p95_seconds: z.number().positive().default(ENDPOINT_DEFAULTS.slo.latencyP95Seconds),
    }).prefault({}),
    headers: z.record(z.string(), z.string()).default({}),
    timeout_seconds: positiveSeconds.optional(),
    follow_redirects: z.boolean().default(ENDPOINT_DEFAULTS.followRedirects),
    tls: z.strictObject({
      insecure_skip_verify: z.boolean().default(false),
      ca_file: filePathSchema.optional(),
      server_name: z.string().optional(),
    }).prefault({}),
    checks: checksSchema.prefault({}),
    /** Owning team, used by routing overrides. */
    team: nameSchema.optional(),
    alerts: thresholdsSchema.optional(),
  }).superRefine(enforcementNeedsSigning);
}

export type EndpointInput = z.output<ReturnType<typeof endpointSchema>>;
