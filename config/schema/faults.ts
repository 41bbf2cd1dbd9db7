import { z } from 'zod';
import { durationSchema } from './common.js';
import { FAULT_DEFAULTS } from '../defaults.js';

/**
 * Fault injection for the reference receiver: what the demo's flaky
 * endpoint does and what end-to-end alert tests turn on and off.
 *
 * ```yaml
 * faults:
 *   latency: { min_ms: 5, max_ms: 400 }
 *   error_ratio: 0.1           # answer error_status instead of 202
 *   rate_limit: { limit: 20, window: 10s }   # 429 + Retry-After + RateLimit-* past the limit
 *   outages: [{ every: 10m, for: 1m }]       # down (connection reset) for 1m every 10m
 *   processing_failure_ratio: 0.05           # temporary handler errors (retried)
 *   permanent_failure_ratio: 0.01            # permanent handler errors (dead-lettered)
 * ```
 */
export const faultsSchema = z.strictObject({
  latency: z.strictObject({
    min_ms: z.number().nonnegative().default(0).describe('Shortest added delay.'),
    max_ms: z.number().nonnegative().default(0).describe('Longest added delay (uniform in between).'),
  }).refine((l) => l.max_ms >= l.min_ms, { message: 'max_ms >= min_ms', path: ['max_ms'] }).optional().describe('Delay added before answering.'),
  error_ratio: z.number().min(0).max(1).default(0).describe('Share of requests answered `error_status` instead of 202.'),
  error_status: z.number().int().min(400).max(599).default(FAULT_DEFAULTS.errorStatus).describe('The status of injected errors.'),
  rate_limit: z.strictObject({
    limit: z.number().int().positive().describe('Requests per window.'),
    window: durationSchema.describe('The window.'),
  }).optional().describe('Past the limit: 429 with `Retry-After` and `RateLimit-*` headers.'),
  outages: z.array(z.strictObject({ every: durationSchema.describe('Period of the outage.'), for: durationSchema.describe('Its length (connections reset).') })).default([]).describe('Periodic outages.'),
  reject_signatures: z.boolean().default(false).describe('Refuse every signature (401), as a receiver with a rotated secret would.'),
  down: z.boolean().default(false).describe('Down now (503), toggled through the admin API.'),
  processing_failure_ratio: z.number().min(0).max(1).default(0).describe('Share of handler runs that fail temporarily (retried).'),
  permanent_failure_ratio: z.number().min(0).max(1).default(0).describe('Share of handler runs that fail permanently (dead-lettered).'),
}).transform((f) => ({
  latency: f.latency ? { minMs: f.latency.min_ms, maxMs: f.latency.max_ms } : undefined,
  errorRatio: f.error_ratio,
  errorStatus: f.error_status,
  rateLimit: f.rate_limit ? { limit: f.rate_limit.limit, windowSeconds: f.rate_limit.window.seconds } : undefined,
  outages: f.outages.map((o) => ({ everySeconds: o.every.seconds, forSeconds: o.for.seconds })),
  rejectSignatures: f.reject_signatures,
  down: f.down,
  processingFailureRatio: f.processing_failure_ratio,
  permanentFailureRatio: f.permanent_failure_ratio,
}));

export type FaultsInput = z.input<typeof faultsSchema>;
export type Faults = z.output<typeof faultsSchema>;

