/**
 * Builders for promtool `input_series` values. Segments are written the way
 * one reads a scenario: "60 per minute for 30 minutes, then 6 per minute".
 */
import { promql, type MetricDef } from '../../../../catalog/index.js';

export interface InputSeries { series: string; values: string }

/** A counter from 0: each [step, n] adds n samples rising by step (the first segment also has the t=0 sample). */
export function counter(...segments: [step: number, n: number][]): string {
  let last = 0;
  const parts: string[] = [];
  segments.forEach(([step, n], i) => {
    if (i === 0) {
      parts.push(`0+${step}x${n}`);
      last = step * n;
    } else if (n > 0) {
      parts.push(`${last + step}+${step}x${n - 1}`);
      last += step * n;
    }
  });
  return parts.join(' ');
}

/** A gauge: each [value, n] holds value for n samples (the first segment also has the t=0 sample). */
export function gauge(...segments: [value: number, n: number][]): string {
  return segments.map(([v, n], i) => (i === 0 ? `${v}x${n}` : n > 0 ? `${v}x${n - 1}` : '')).filter(Boolean).join(' ');
}

export function series<M extends MetricDef>(m: M, labels: promql.Selection<M>, values: string): InputSeries {
  return { series: promql.selector(m, labels), values };
}

/**
 * A histogram where every observation of a segment falls in the bucket of
 * `value`: [perStep, value, n] segments, with `_bucket`, `_sum` and `_count`.
 */
export function histogram<M extends MetricDef>(m: M, labels: promql.Selection<M>, ...segments: [perStep: number, value: number, n: number][]): InputSeries[] {
  const bounds = [...(m.buckets ?? []), Infinity];
  const withLe = (le: number) => promql.selector(m, labels, 'bucket').replace(/}$/, `,le="${le === Infinity ? '+Inf' : String(le)}"}`);
  const out = bounds.map((le) => ({ series: withLe(le), values: counter(...segments.map(([k, v, n]): [number, number] => [v <= le ? k : 0, n])) }));
  out.push({ series: promql.selector(m, labels, 'count'), values: counter(...segments.map(([k, , n]): [number, number] => [k, n])) });
  out.push({ series: promql.selector(m, labels, 'sum'), values: counter(...segments.map(([k, v, n]): [number, number] => [k * v, n])) });
  return out;
}
