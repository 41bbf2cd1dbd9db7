/**
 * The metric catalog: the only place metric names, label names and label
 * values are spelled. Imports nothing of ours.
 */
export * from './types.js';
export * from './labels.js';
export * from './metrics.js';
export * from './names.js';
export * from './escape.js';
export * from './prober-modes.js';
export * as promql from './promql.js';

import { METRICS } from './metrics.js';
import type { MetricDef } from './types.js';

/** Every metric definition, in catalog order. */
export const ALL_METRICS: readonly MetricDef[] = Object.values(METRICS);

/**
 * True for a family of prom-client's default metrics (`process_*`,
 * `nodejs_*`): both `/metrics` pages serve them all, the catalog lists only
 * the ones charted. They describe the running process and start again with
 * it: no checkpoint holds them, so no exactness rule covers them.
 */
export function isDefaultMetricName(name: string): boolean {
  return /^(process|nodejs)_/.test(name);
}

/** Looks a family up by its exposed name (histogram series resolve to their family). */
export function metricByName(name: string): MetricDef | undefined {
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return ALL_METRICS.find((m) => m.name === name || (m.type === 'histogram' && m.name === base));
}
