/**
 * Delivery figures per endpoint, read straight from the exporter's state
 * for a consumer in the same process (the status page): attempts, failures
 * and retries summed over every other label, and the endpoint's DLQ depth
 * and last rate-limit headers. The same numbers a scrape renders, with no
 * exposition text in between.
 */
import { LABEL, METRICS, type MetricKey } from '../../catalog/index.js';
import type { Aggregates } from './aggregates.js';

/** One endpoint's totals since the exporter's state began; gauges absent until seen. */
export interface EndpointDeliveryTotals {
  attempts: number;
  failures: number;
  retries: number;
  dlqDepth?: number;
  rateLimitRemaining?: number;
  rateLimitLimit?: number;
}

type Counted = 'attempts' | 'failures' | 'retries';
type Gauged = 'dlqDepth' | 'rateLimitRemaining' | 'rateLimitLimit';

const COUNTERS: Record<Counted, MetricKey> = { attempts: 'deliveries', failures: 'deliveryFailures', retries: 'deliveryRetries' };
const GAUGES: Record<Gauged, MetricKey> = { dlqDepth: 'dlqDepth', rateLimitRemaining: 'rateLimitRemaining', rateLimitLimit: 'rateLimitLimit' };

/** Every series of a family as (endpoint, value). */
function* byEndpoint(agg: Aggregates, key: MetricKey): Generator<[string, number]> {
  const at = (METRICS[key].labels as readonly string[]).indexOf(LABEL.endpoint);
  for (const s of agg.scalars(key)) yield [s.labels[at] ?? '', s.value];
}

/** Per-endpoint delivery totals of an exporter state. */
export function deliveryTotals(agg: Aggregates): Map<string, EndpointDeliveryTotals> {
  const out = new Map<string, EndpointDeliveryTotals>();
  const of = (endpoint: string): EndpointDeliveryTotals => {
    let t = out.get(endpoint);
    if (!t) out.set(endpoint, (t = { attempts: 0, failures: 0, retries: 0 }));
    return t;
  };
  for (const [field, key] of Object.entries(COUNTERS) as [Counted, MetricKey][]) {
    for (const [endpoint, value] of byEndpoint(agg, key)) of(endpoint)[field] += value;
  }
  for (const [field, key] of Object.entries(GAUGES) as [Gauged, MetricKey][]) {
    for (const [endpoint, value] of byEndpoint(agg, key)) of(endpoint)[field] = value;
  }
  return out;
}
