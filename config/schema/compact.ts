/**
 * `prober.metrics: compact` takes its duration buckets from the latency
 * thresholds the config uses (./normalize/prober-metrics.ts); more distinct
 * thresholds than the compact histogram holds is a config error, named at
 * `prober.metrics`, not a silently interpolated threshold.
 */
import type { z } from 'zod';
import { COMPACT_MAX_BUCKETS } from '../../catalog/index.js';
import { latencyThresholds } from '../normalize/prober-metrics.js';
import type { RawConfig } from './root.js';

export function compactFitsThresholds(c: RawConfig, zctx: z.core.$RefinementCtx<RawConfig>): void {
  if (c.prober.metrics !== 'compact') return;
  const found = latencyThresholds(c);
  if (found.length <= COMPACT_MAX_BUCKETS) return;
  zctx.addIssue({
    code: 'custom', path: ['prober', 'metrics'], input: c.prober.metrics,
    message: `at most ${COMPACT_MAX_BUCKETS} distinct latency thresholds for compact metrics (slo.latency_p95_seconds, alerts.response_time p95_seconds and fail_p95_seconds; found ${found.length}: ${found.join(', ')}), or metrics: full`,
  });
}
