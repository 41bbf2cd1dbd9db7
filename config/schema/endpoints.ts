import { z } from 'zod';
import { METRICS } from '../../catalog/index.js';
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
    name: nameSchema.describe('The `endpoint` label everywhere; unique.'),
    url: httpUrlSchema.describe('Where webhooks are delivered; the delivery check posts here, and log records with this URL count under this endpoint.'),
    health_url: httpUrlSchema.optional().describe('A health URL; the health check runs when it is set.'),
    events: z.array(z.string().min(1)).min(1, { error: 'at least one event type' }).default(() => [...ENDPOINT_DEFAULTS.events]).describe('Event types the synthetic events use.'),
    signing: signingSchema(ctx).optional().describe('How webhooks to this endpoint are signed; unsigned when omitted.'),
    slo: z.strictObject({
      success_ratio: ratioSchema.default(ENDPOINT_DEFAULTS.slo.successRatio).describe('Target share of successful attempts; the error budget alert burns against it.'),
      latency_p95_seconds: z.number().positive().default(ENDPOINT_DEFAULTS.slo.latencyP95Seconds).describe('Target p95 delivery latency.'),
      exclude_maintenance: z.boolean().default(ENDPOINT_DEFAULTS.slo.excludeMaintenance).describe(`Leave time in this endpoint's \`maintenance\` windows out of its error-budget burn (the burn-rate alerts read \`${METRICS.maintenance.name}\`).`),
    }).prefault({}),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra headers on every probe (values are masked in output).'),
    timeout_seconds: positiveSeconds.optional().meta({ description: 'Timeout of this endpoint\'s probes.', default: 'prober.timeout_seconds' }),
    follow_redirects: z.boolean().default(ENDPOINT_DEFAULTS.followRedirects).describe('Whether probes follow redirects.'),
    tls: z.strictObject({
      insecure_skip_verify: z.boolean().default(false).describe('Accept any certificate (testing only).'),
      ca_file: filePathSchema.optional().describe('Extra CA certificates (PEM).'),
      server_name: z.string().optional().describe('TLS server name (SNI) to send and verify.'),
    }).prefault({}),
    checks: checksSchema.prefault({}).describe('The probes run against this endpoint.'),
    metrics: z.enum(['full']).optional().meta({ description: 'Full metrics for this endpoint when `prober.metrics` is `compact`: its phase histograms, every result counter and the drift histogram, on top of the compact series.', default: 'prober.metrics' }),
    team: nameSchema.optional().describe('Owning team, for `notify.overrides[].team`.'),
    alerts: thresholdsSchema.optional().meta({ docType: 'mapping: any key of `alerts` from `failure_rate` to `tls`', description: 'Alert thresholds for this endpoint alone; each key overrides the global `alerts` one.' }),
  }).superRefine(enforcementNeedsSigning);
}

export type EndpointInput = z.output<ReturnType<typeof endpointSchema>>;
