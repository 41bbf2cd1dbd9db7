/**
 * PromQL helpers that accept only catalog metrics and their own label names.
 *
 * Dashboards and alerts build every expression through these functions, so a
 * metric or label that is not in the catalog is a compile error, not a silently
 * empty panel.
 */
import { escapeLabelValue } from './escape.js';
import type { LabelName } from './labels.js';
import type { LabelsOf, MetricDef } from './types.js';

export type MatchOp = '=' | '!=' | '=~' | '!~';
export interface Matcher {
  readonly op: MatchOp;
  readonly value: string;
}
/** A label matcher value: a plain string means equality. */
export type MatchValue = string | Matcher;
export type Selection<M> = Partial<Record<LabelsOf<M>, MatchValue>>;

export const eq = (value: string): Matcher => ({ op: '=', value });
export const ne = (value: string): Matcher => ({ op: '!=', value });
export const re = (value: string): Matcher => ({ op: '=~', value });
export const nre = (value: string): Matcher => ({ op: '!~', value });
/** Matches a Grafana multi-value variable (`$endpoint` with "All" = `.*`). */
export const variable = (name: string): Matcher => re(`$${name}`);
/** Matches any of the given values exactly. */
export const oneOf = (values: readonly string[]): Matcher => re(values.map(escapeRegex).join('|'));

/** The series of a histogram family. */
export type HistogramSeries = 'bucket' | 'sum' | 'count';

export function escapeRegex(v: string): string {
  return v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `name` or `name_bucket` etc. for a catalog metric. */
export function seriesName(m: MetricDef, series?: HistogramSeries): string {
  if (series && m.type !== 'histogram') throw new TypeError(`Invalid series "${series}" for ${m.type} ${m.name}. Must be a histogram.`);
  return series ? `${m.name}_${series}` : m.name;
}

/** `metric{label="value",…}` with the matchers in the metric's label order. */
export function selector<M extends MetricDef>(m: M, match: Selection<M> = {}, series?: HistogramSeries): string {
  const parts: string[] = [];
  const entries = match as Record<string, MatchValue | undefined>;
  for (const name of Object.keys(entries)) {
    if (!m.labels.includes(name)) throw new TypeError(`Invalid label "${name}" for ${m.name}. Must be one of ${m.labels.join(', ')}.`);
  }
  for (const name of m.labels) {
    const v = entries[name];
    if (v === undefined) continue;
    const { op, value } = typeof v === 'string' ? eq(v) : v;
    parts.push(`${name}${op}"${escapeLabelValue(value)}"`);
  }
  const base = seriesName(m, series);
  return parts.length ? `${base}{${parts.join(',')}}` : base;
}

/** A range selector `metric{…}[window]`. */
export function range<M extends MetricDef>(m: M, match: Selection<M>, window: string, series?: HistogramSeries): string {
  return `${selector(m, match, series)}[${window}]`;
}

export function rate<M extends MetricDef>(m: M, match: Selection<M>, window: string, series?: HistogramSeries): string {
  assertMonotonic(m, series);
  return `rate(${range(m, match, window, series)})`;
}

export function increase<M extends MetricDef>(m: M, match: Selection<M>, window: string, series?: HistogramSeries): string {
  assertMonotonic(m, series);
  return `increase(${range(m, match, window, series)})`;
}

function assertMonotonic(m: MetricDef, series?: HistogramSeries): void {
  if (m.type === 'gauge') throw new TypeError(`Invalid rate() over gauge ${m.name}. Must be a counter or histogram.`);
  if (m.type === 'histogram' && !series) throw new TypeError(`Invalid rate() over histogram ${m.name}. Must name bucket, sum or count.`);
}

/** Aggregation over an expression: `sum by (a, b) (expr)`. */
export function aggregate(op: 'sum' | 'max' | 'min' | 'avg' | 'count', by: readonly (LabelName | 'le')[], expr: string): string {
  return by.length ? `${op} by (${by.join(', ')}) (${expr})` : `${op}(${expr})`;
}

export const sumBy = (by: readonly (LabelName | 'le')[], expr: string): string => aggregate('sum', by, expr);

/**
 * `histogram_quantile(q, sum by (le, …by) (rate(metric_bucket{…}[window])))`.
 * Quantiles come from histograms so they aggregate across instances.
 */
export function histogramQuantile<M extends MetricDef>(
  q: number, m: M, match: Selection<M>, window: string, by: readonly LabelsOf<M>[] = [],
): string {
  if (m.type !== 'histogram') throw new TypeError(`Invalid histogram_quantile over ${m.type} ${m.name}. Must be a histogram.`);
  return `histogram_quantile(${q}, ${sumBy(['le', ...(by as readonly LabelName[])], rate(m, match, window, 'bucket'))})`;
}

/** Average from a histogram: `sum(rate(_sum)) / sum(rate(_count))`. */
export function histogramAverage<M extends MetricDef>(m: M, match: Selection<M>, window: string, by: readonly LabelsOf<M>[] = []): string {
  const b = by as readonly LabelName[];
  return `${sumBy(b, rate(m, match, window, 'sum'))} / ${sumBy(b, rate(m, match, window, 'count'))}`;
}

/** `a / b`, each side parenthesised. */
export function ratio(numerator: string, denominator: string): string {
  return `(${numerator}) / (${denominator})`;
}

/** Series Prometheus itself produces (not in the metric catalog) that queries may name. */
export const BUILTIN_SERIES = ['ALERTS'] as const;

/**
 * Prometheus' own `ALERTS{alertstate="firing"}` series for the given alert names,
 * so dashboards can count firing alerts without spelling the series.
 */
export function firingAlerts(alertNames: readonly string[]): string {
  return `${BUILTIN_SERIES[0]}{alertstate="firing",alertname=~"${alertNames.map(escapeRegex).join('|')}"}`;
}

/**
 * A vector with one sample per label value, e.g. each endpoint's SLO error
 * budget: `label_replace(vector(0.001), "endpoint", "a", "", "") or …`.
 * Lets a query divide per-series by a per-endpoint constant from the config.
 */
export function constantsBy(label: LabelName, values: readonly (readonly [string, number])[]): string {
  if (values.length === 0) throw new TypeError(`Invalid constantsBy(${label}). Must have at least one value.`);
  return values.map(([v, n]) => `label_replace(vector(${n}), "${label}", "${escapeLabelValue(v)}", "", "")`).join(' or ');
}

/**
 * Name of a recording rule in the `level:metric:operation` convention, derived
 * from the catalog metric so a renamed metric renames its rules too.
 * Example: `recordName(['endpoint'], METRICS.deliveries, 'failure_ratio_rate5m')`
 * → `endpoint:webhook_deliveries:failure_ratio_rate5m`.
 */
export function recordName(level: readonly LabelName[], m: MetricDef, operation: string): string {
  const base = m.type === 'counter' ? m.name.replace(/_total$/, '') : m.name;
  if (!/^[a-z0-9_]+$/.test(operation)) throw new TypeError(`Invalid operation "${operation}". Must match [a-z0-9_]+.`);
  return `${level.join('_')}:${base}:${operation}`;
}

/**
 * A selector on the output of a recording rule named by `recordName`, with
 * catalog label matchers (alerts read recorded series, not raw metrics).
 */
export function recorded(name: string, match: Partial<Record<LabelName, MatchValue>> = {}): string {
  if (!/^[a-z_]+:[a-z0-9_]+:[a-z0-9_]+$/.test(name)) throw new TypeError(`Invalid recording rule name "${name}". Must come from recordName().`);
  const parts = Object.entries(match).filter(([, v]) => v !== undefined).map(([label, v]) => {
    const { op, value } = typeof v === 'string' ? eq(v) : (v as Matcher);
    return `${label}${op}"${escapeLabelValue(value)}"`;
  });
  return parts.length ? `${name}{${parts.join(',')}}` : name;
}

/** The metric names an expression refers to that this module produced. */
export function metricNamesIn(expr: string, known: readonly MetricDef[]): string[] {
  const found = new Set<string>();
  for (const m of known) {
    const names = m.type === 'histogram' ? [`${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name];
    for (const n of names) if (new RegExp(`(^|[^a-zA-Z0-9_:])${n}($|[^a-zA-Z0-9_:])`).test(expr)) found.add(m.name);
  }
  return [...found];
}
