/**
 * The lines both exposition formats share: HELP/TYPE headers, label pairs
 * (escaped by the catalog's one function), sample values, and a
 * histogram's bucket, sum and count lines. A sample's optional timestamp
 * is passed as its ` <t>` suffix ('' for none).
 */
import { escapeLabelValue, METRICS, type MetricDef, type MetricKey } from '../../catalog/index.js';
// The module itself, not daemon/index.js: that would load prom-client into every importer.
import { familyHeader, formatValue } from '../../daemon/exposition.js';

export { formatValue };

/** `a="x",b="y"` for a series' positional label values (no braces). */
export function labelPairs(def: MetricDef, values: readonly string[]): string {
  let out = '';
  for (let i = 0; i < def.labels.length; i++) {
    if (i > 0) out += ',';
    out += `${def.labels[i]}="${escapeLabelValue(values[i] ?? '')}"`;
  }
  return out;
}

/** Bucket bounds rendered once per family. */
const LE_CACHE = new Map<MetricKey, string[]>();
export function leOf(key: MetricKey): string[] {
  let le = LE_CACHE.get(key);
  if (!le) LE_CACHE.set(key, (le = [...(METRICS[key].buckets ?? []).map(formatValue), '+Inf']));
  return le;
}

/** `# HELP` and `# TYPE` of a family named `family` (OpenMetrics drops a counter's `_total`). */
export function header(def: MetricDef, family = def.name): string {
  return familyHeader(family, def.help, def.type);
}

/** One counter or gauge sample; `braces` is `{…}` or ''. */
export function scalarLine(def: MetricDef, braces: string, value: number, ts = ''): string {
  return `${def.name}${braces} ${formatValue(value)}${ts}\n`;
}

/** A histogram series' lines from per-bucket (not cumulative) counts; `pairs` has no braces. */
export function histogramLines(def: MetricDef, le: readonly string[], pairs: string, counts: readonly number[], sum: number, count: number, ts = ''): string {
  const pre = pairs ? `${pairs},` : '';
  const braces = pairs ? `{${pairs}}` : '';
  let cum = 0;
  let text = '';
  for (let i = 0; i < le.length; i++) {
    cum += counts[i] as number;
    text += `${def.name}_bucket{${pre}le="${le[i]}"} ${cum}${ts}\n`;
  }
  return `${text}${def.name}_sum${braces} ${formatValue(sum)}${ts}\n${def.name}_count${braces} ${count}${ts}\n`;
}
