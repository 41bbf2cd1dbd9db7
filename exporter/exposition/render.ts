/**
 * The two exposition formats, from one set of line builders (./format.ts):
 * - `renderExposition`: Prometheus text format 0.0.4 of an Aggregates
 *   state (what `/metrics` and `--once` serve). Written by hand rather than
 *   through prom-client because the state is ours (it comes from the
 *   checkpoint) and serialising 10k series must stay well under 50 ms:
 *   label pairs are rendered once per series and cached on it.
 * - `renderOpenMetrics`: timestamped samples per series (backfill), grouped
 *   by family, each series' points in time order, then `# EOF`.
 */
import { METRICS, type MetricKey } from '../../catalog/index.js';
import type { Aggregates } from '../state/aggregates.js';
import { formatValue, header, histogramLines, labelPairs, leOf, scalarLine } from './format.js';

/** Renders every family that has at least one series, in catalog order. */
export function renderExposition(agg: Aggregates): string {
  const parts: string[] = [];
  for (const key of Object.keys(METRICS) as MetricKey[]) {
    const def = METRICS[key];
    if (def.type === 'histogram') {
      const fam = agg.histograms(key);
      if (fam.length === 0) continue;
      parts.push(header(def));
      const le = leOf(key);
      for (const h of fam) {
        h.labelText ??= labelPairs(def, h.labels);
        parts.push(histogramLines(def, le, h.labelText, h.counts, h.sum, h.count));
      }
    } else {
      const fam = agg.scalars(key);
      if (fam.length === 0) continue;
      parts.push(header(def));
      for (const s of fam) {
        s.labelText ??= def.labels.length ? `{${labelPairs(def, s.labels)}}` : '';
        parts.push(scalarLine(def, s.labelText, s.value));
      }
    }
  }
  return parts.join('');
}

/**
 * One series' samples in event time: `[t, value]` for counters and gauges,
 * `[t, per-bucket counts…, sum, count]` for histograms.
 */
export interface TimedSeries {
  readonly labels: readonly string[];
  readonly points: readonly (readonly number[])[];
}

/** OpenMetrics text of the given families, in `keys` order; empty families are left out. */
export function renderOpenMetrics(keys: readonly MetricKey[], families: ReadonlyMap<MetricKey, Iterable<TimedSeries>>): { text: string; samples: number } {
  const parts: string[] = [];
  let samples = 0;
  for (const key of keys) {
    const series = [...(families.get(key) ?? [])];
    if (series.length === 0) continue;
    const def = METRICS[key];
    // OpenMetrics names the family without the `_total` sample suffix.
    parts.push(header(def, def.type === 'counter' ? def.name.replace(/_total$/, '') : def.name));
    const le = leOf(key);
    for (const { labels, points } of series) {
      const pairs = labelPairs(def, labels);
      for (const p of points) {
        const ts = ` ${formatValue(p[0] as number)}`;
        if (def.type !== 'histogram') {
          parts.push(scalarLine(def, pairs ? `{${pairs}}` : '', p[1] as number, ts));
          samples++;
          continue;
        }
        parts.push(histogramLines(def, le, pairs, p.slice(1, le.length + 1), p[le.length + 1] as number, p[le.length + 2] as number, ts));
        samples += le.length + 2;
      }
    }
  }
  parts.push('# EOF\n');
  return { text: parts.join(''), samples };
}
