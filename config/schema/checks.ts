import { z } from 'zod';
import { durationSchema, positiveSeconds } from './common.js';
import { cronSchema } from './schedule.js';

/** Accepted status codes: numbers or classes like `2xx`. */
const statusSchema = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/),
], { error: 'a status code (100-599) or a class like 2xx' });

export const expectSchema = z.strictObject({
  status: z.array(statusSchema).min(1).optional().meta({ description: 'Accepted status codes or classes (`2xx`).', default: '[2xx]; [4xx] for signature_enforcement' }),
  body_contains: z.string().optional().describe('Text the response body must contain.'),
  json: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional().describe('JSON body fields that must equal a value, by dotted path.'),
  degraded_after_seconds: positiveSeconds.optional().describe('Slower than this: a success, but `Degraded` on the status page.'),
  fail_after_seconds: positiveSeconds.optional().describe('Slower than this: the probe fails with `assertion_failed`.'),
}).transform((e) => ({
  status: e.status,
  bodyContains: e.body_contains,
  json: e.json,
  degradedAfterSeconds: e.degraded_after_seconds,
  failAfterSeconds: e.fail_after_seconds,
}));

const scheduleFields = {
  enabled: z.boolean().optional().meta({ description: 'Whether the check runs.', default: 'delivery: true; health: true when health_url is set; signature_enforcement: false' }),
  schedule: cronSchema.optional().meta({ description: 'This check\'s own schedule.', default: 'prober.schedule' }),
  interval: durationSchema.optional().describe('A plain period instead of `schedule` (`45s`).'),
  timeout_seconds: positiveSeconds.optional().meta({ description: 'This check\'s timeout.', default: 'the endpoint\'s timeout_seconds' }),
  expect: expectSchema.optional().describe('What a passing response looks like.'),
};

export const deliveryCheckSchema = z.strictObject({
  ...scheduleFields,
  body: z.string().optional().describe('Body template; `{{id}}`, `{{type}}`, `{{timestamp}}`, `{{iso_time}}`, `{{endpoint}}` are replaced. Default: a synthetic event of one of `events`.'),
  method: z.enum(['POST', 'PUT']).optional().meta({ description: 'HTTP method of the synthetic event.', default: 'POST' }),
});
export const healthCheckSchema = z.strictObject({ ...scheduleFields });
export const signatureCheckSchema = z.strictObject({ ...scheduleFields });

export const checksSchema = z.strictObject({
  delivery: deliveryCheckSchema.optional().describe('Sends a signed synthetic event to `url`.'),
  health: healthCheckSchema.optional().describe('GETs `health_url`.'),
  signature_enforcement: signatureCheckSchema.optional().describe('Sends a forged (and, where the scheme signs a timestamp, a stale) signature; passes when the receiver refuses them. Needs `signing`.'),
});
