/**
 * Prometheus text exposition (format 0.0.4) of an Aggregates state, with
 * HELP and TYPE from the catalog. Written by hand rather than through
 * prom-client because the state is ours (it comes from the checkpoint) and
 * because serialising 10k series must stay well under 50 ms: label pairs
 * are rendered once per series and cached on it.
 */
import { METRICS, type MetricDef, type MetricKey } from '../../catalog/index.js';
import type { Aggregates, HistogramSeries, ScalarSeries } from '../state/aggregates.js';

/** Escapes a label value for the text formats. */
export function escapeLabelValue(v: string): string {
  return /[\\"\n]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v;
}

/** `a="x",b="y"` for a series (no braces). */
export function labelPairs(def: MetricDef, values: readonly string[]): string {
  let out = '';
  for (let i = 0; i < def.labels.length; i++) {
    if (i > 0) out += ',';
    out += `${def.labels[i]}="${escapeLabelValue(values[i] ?? '')}"`;
  }
  return out;
}

/** A sample value as Prometheus text expects it. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** Bucket bounds rendered once per family. */
const LE_CACHE = new Map<MetricKey, string[]>();
function leOf(key: MetricKey): string[] {
  let le = LE_CACHE.get(key);
  if (!le) LE_CACHE.set(key, (le = [...(METRICS[key].buckets ?? []).map(formatValue), '+Inf']));
  return le;
}

function header(def: MetricDef): string {
  return `# HELP ${def.name} ${def.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${def.name} ${def.type}\n`;
}

function scalarLines(def: MetricDef, fam: readonly ScalarSeries[], parts: string[]): void {
  for (const s of fam) {
    s.labelText ??= def.labels.length ? `{${labelPairs(def, s.labels)}}` : '';
    parts.push(`${def.name}${s.labelText} ${formatValue(s.value)}\n`);
  }
}

function histogramLines(key: MetricKey, def: MetricDef, fam: readonly HistogramSeries[], parts: string[]): void {
  const le = leOf(key);
  for (const h of fam) {
    h.labelText ??= labelPairs(def, h.labels);
    const pre = h.labelText ? `${h.labelText},` : '';
    const braces = h.labelText ? `{${h.labelText}}` : '';
    let cum = 0;
    let text = '';
    for (let i = 0; i < le.length; i++) {
      cum += h.counts[i] as number;
      text += `${def.name}_bucket{${pre}le="${le[i]}"} ${cum}\n`;
    }
    text += `${def.name}_sum${braces} ${formatValue(h.sum)}\n${def.name}_count${braces} ${h.count}\n`;
    parts.push(text);
  }
}

/** Renders every family that has at least one series, in catalog order. */
export function renderExposition(agg: Aggregates): string {
  const parts: string[] = [];
  for (const key of Object.keys(METRICS) as MetricKey[]) {
    const def = METRICS[key];
    if (def.type === 'histogram') {
      const fam = agg.histograms(key);
      if (fam.length === 0) continue;
      parts.push(header(def));
      histogramLines(key, def, fam, parts);
    } else {
      const fam = agg.scalars(key);
      if (fam.length === 0) continue;
      parts.push(header(def));
      scalarLines(def, fam, parts);
    }
  }
  return parts.join('');
}
