import { z } from 'zod';
import { durationSchema } from './common.js';
import { thresholdFields } from './thresholds.js';

/**
 * ```yaml
 * alerts:
 *   failure_rate: { threshold: 0.05, for: 5m }
 *   endpoint_down: { for: 2m, min_regions: 1 }
 *   response_time: { p95_seconds: 2, degradation_factor: 2 }
 *   dlq: { max_depth: 100, growth_for: 15m }
 *   rate_limit: { remaining_ratio: 0.1 }
 * ```
 */
export const alertsSchema = z.strictObject({
  ...thresholdFields,
  exporter_stalled_for: durationSchema.optional(),
  absent_for: durationSchema.optional(),
  /** Prometheus scrape and rule evaluation intervals used by generated configs. */
  scrape_interval: durationSchema.optional(),
  evaluation_interval: durationSchema.optional(),
  /** Base URL of the runbooks; `<Alert>.md` is appended. */
  runbook_base_url: z.string().url().optional(),
});
