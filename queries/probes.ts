/**
 * Probe series that differ by `prober.metrics`: each query takes the mode
 * and reads only series that mode exposes (catalog/prober-modes.ts).
 * `full` keeps its histograms and per-result counters; `compact` has the
 * last probe's phases and schedule drift as gauges, and counts successes
 * only (all probes are the duration histogram's `_count`).
 */
import { LABEL, METRICS, promql, type ProberMetricsMode } from '../catalog/index.js';
import type { ProbeMatch } from './synthetic.js';

const { aggregate, histogramQuantile, ne, rate, selector, sumBy } = promql;

/**
 * Each request phase, per phase: the `q` quantile over `window` (full), or
 * the last probe's, highest for a tail quantile and mean otherwise (compact).
 */
export function probePhaseSeconds(mode: ProberMetricsMode, match: ProbeMatch, window: string, q: number): string {
  if (mode === 'full') return histogramQuantile(q, METRICS.probePhase, match, window, [LABEL.phase]);
  return aggregate(q >= 0.9 ? 'max' : 'avg', [LABEL.phase], selector(METRICS.probeLastPhase, match));
}

/** Failed probes per second: by `result` (full), every class together (compact: all probes minus successes). */
export function probeFailureRate(mode: ProberMetricsMode, match: ProbeMatch, window: string): string {
  if (mode === 'full') return sumBy([LABEL.result], rate(METRICS.probes, { ...match, result: ne('success') }, window));
  return `${sumBy([], rate(METRICS.probeDuration, match, window, 'count'))} - ${sumBy([], rate(METRICS.probes, { ...match, result: 'success' }, window))}`;
}

/** How late probe runs started, per check: the `q` quantiles over `window` (full), or the last run's, highest (compact: one query). */
export function scheduleDriftSeconds(mode: ProberMetricsMode, match: Pick<ProbeMatch, 'endpoint'>, window: string, qs: readonly number[]): { q?: number; expr: string }[] {
  if (mode === 'full') return qs.map((q) => ({ q, expr: histogramQuantile(q, METRICS.proberScheduleDrift, match, window, [LABEL.check]) }));
  return [{ expr: aggregate('max', [LABEL.check], selector(METRICS.proberLastDrift, match)) }];
}
