import { z } from 'zod';
import { durationSchema } from './common.js';
import { thresholdFields } from './thresholds.js';

/**
 * Global alert thresholds (each endpoint may override any of them in its own
 * `alerts:` block) and what the generated Prometheus config needs. Every key
 * is optional; defaults live in config/defaults.ts (ALERT_DEFAULTS).
 *
 * ```yaml
 * alerts:
 *   failure_rate: { threshold: 0.05, for: 5m, min_rate_per_second: 0.01 }
 *   endpoint_down: { for: 2m, min_regions: 1 }
 *   response_time: { p95_seconds: 2, fail_p95_seconds: 5, degradation_factor: 2, for: 10m }
 *   dlq: { max_depth: 100, growth_for: 15m }
 *   rate_limit: { remaining_ratio: 0.1, for: 5m }
 *   retry_rate: { threshold: 0.2, for: 15m }
 *   signature: { for: 5m }
 *   tls: { warning_days: 14, critical_days: 3 }
 *   exporter_stalled_for: 10m
 *   absent_for: 5m
 *   scrape_interval: 15s
 *   evaluation_interval: 30s
 *   runbook_base_url: https://git.example.com/ops/hookwatch/blob/main/alerts/runbooks/
 * ```
 */
export const alertsSchema = z.strictObject({
  ...thresholdFields,
  exporter_stalled_for: durationSchema.optional(),
  absent_for: durationSchema.optional(),
  /** Prometheus scrape and rule evaluation intervals used by generated configs. */
  scrape_interval: durationSchema.optional(),
  evaluation_interval: durationSchema.optional(),
  /** Base URL of the runbooks; `<Alert>.md` is appended. Without it, `alerts/runbooks/<Alert>.md` (a path in the repository). */
  runbook_base_url: z.string().url().optional(),
});
