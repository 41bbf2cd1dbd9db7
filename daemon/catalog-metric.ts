/**
 * A prom-client metric for a catalog definition, on an explicit registry
 * (never prom-client's global one). The definition is taken by shape, so
 * this folder still imports nothing of ours.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface MetricShape {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly labels: readonly string[];
  readonly buckets?: readonly number[];
}

export type AnyMetric = Counter<string> | Gauge<string> | Histogram<string>;

export function createMetric(def: MetricShape, registry: Registry): AnyMetric {
  const base = { name: def.name, help: def.help, labelNames: [...def.labels], registers: [registry] };
  switch (def.type) {
    case 'counter': return new Counter(base);
    case 'gauge': return new Gauge(base);
    case 'histogram': return new Histogram({ ...base, buckets: [...(def.buckets ?? [])] });
  }
}
