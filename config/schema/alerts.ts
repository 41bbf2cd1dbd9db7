import { z } from 'zod';
import { durationSchema } from './common.js';
import { thresholdFields } from './thresholds.js';
import { DEFAULT_RUNBOOK_BASE } from '../../catalog/index.js';
import { ALERT_DEFAULTS } from '../defaults.js';

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
  exporter_stalled_for: durationSchema.optional().meta({ description: 'How long a source may have unread bytes without its offset moving before the exporter-stalled alert.', default: ALERT_DEFAULTS.exporterStalledFor.text }),
  absent_for: durationSchema.optional().meta({ description: 'How long a scrape target may be missing before its absence alert.', default: ALERT_DEFAULTS.absentFor.text }),
  scrape_interval: durationSchema.optional().meta({ description: 'Scrape interval of the generated `prometheus.yml`.', default: ALERT_DEFAULTS.scrapeInterval.text }),
  evaluation_interval: durationSchema.optional().meta({ description: 'Rule evaluation interval of the generated `prometheus.yml` and rule groups.', default: ALERT_DEFAULTS.evaluationInterval.text }),
  runbook_base_url: z.string().url().optional().meta({ description: 'Base URL of the runbooks: each alert\'s `runbook_url` annotation is this plus `<Alert>.md`; without it the link is the runbook\'s path in this repository. Point it at your copy of `alerts/runbooks/` to make the links absolute.', default: `${DEFAULT_RUNBOOK_BASE}<Alert>.md` }),
});
