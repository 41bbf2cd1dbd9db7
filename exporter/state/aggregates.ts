/**
 * The exporter's own metric state: counters, gauges and histogram bucket
 * arrays keyed by label values. We keep it ourselves (rather than in
 * prom-client) because it must be serialised into the checkpoint together
 * with the source offsets, and restored exactly.
 *
 * Callers name label values as the catalog does (`{ endpoint, event_type }`,
 * checked by `LabelsOf`); a series keeps them positionally, in the
 * metric's label order, as exposition and the checkpoint need them.
 * Series are found through nested Maps, one level per label, so the hot
 * path never builds a joined key string; each family also keeps its
 * series in a list, in creation order, for rendering and serialising.
 */
import { METRICS, type LabelValues, type MetricKey } from '../../catalog/index.js';
import { addExact, mergeExact, roundExact } from './exact-sum.js';

/** A counter or gauge series. `labelText` caches the rendered label pairs. */
export interface ScalarSeries {
  readonly labels: readonly string[];
  value: number;
  labelText?: string;
}

/**
 * A histogram series: per-bucket (not cumulative) counts, the last one for
 * +Inf, and the sum of observations kept exactly (./exact-sum.ts), so it
 * does not depend on the order observations were added or merged in.
 */
export class HistogramSeries {
  count = 0;
  labelText?: string;
  constructor(readonly labels: readonly string[], readonly counts: number[], readonly parts: number[] = []) {}

  /** The sum of observations, rounded once. */
  get sum(): number {
    return roundExact(this.parts);
  }
}

interface Family<S> {
  readonly index: Map<string, unknown>;
  readonly list: S[];
}

/** The JSON form stored in the checkpoint. */
export interface SerializedAggregates {
  readonly scalars: Record<string, [string[], number][]>;
  /** `[labels, counts, sum, count, partials of the exact sum?]` (the partials are absent when they are just `[sum]`). */
  readonly histograms: Record<string, SerializedHistogram[]>;
}

export type SerializedHistogram = [string[], number[], number, number, number[]?];

/** Label values of a catalog metric, by name. */
export type LabelsFor<K extends MetricKey> = LabelValues<(typeof METRICS)[K]>;

/**
 * The series of `fam` with these label values (`names` in exposition
 * order), created by `create` from its positional values when absent.
 */
function lookup<S>(fam: Family<S>, names: readonly string[], labels: Readonly<Record<string, string>>, create: ((values: readonly string[]) => S) | null): S | undefined {
  let m = fam.index;
  const last = names.length - 1;
  for (let i = 0; i < last; i++) {
    const v = labels[names[i] as string] as string;
    let next = m.get(v) as Map<string, unknown> | undefined;
    if (!next) {
      if (!create) return undefined;
      m.set(v, (next = new Map()));
    }
    m = next;
  }
  const k = last >= 0 ? (labels[names[last] as string] as string) : '';
  let s = m.get(k) as S | undefined;
  if (!s && create) {
    m.set(k, (s = create(names.map((n) => labels[n] as string))));
    fam.list.push(s);
  }
  return s;
}

/** Positional values (as stored in the checkpoint) → values by label name. */
function byName(names: readonly string[], values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  names.forEach((n, i) => { out[n] = values[i] ?? ''; });
  return out;
}

export class Aggregates {
  /** Bumped on every change: a checkpoint of an unchanged state can be skipped. */
  version = 0;
  private readonly scalarFams = new Map<MetricKey, Family<ScalarSeries>>();
  private readonly histFams = new Map<MetricKey, Family<HistogramSeries>>();

  private fam<S>(fams: Map<MetricKey, Family<S>>, key: MetricKey): Family<S> {
    let f = fams.get(key);
    if (!f) fams.set(key, (f = { index: new Map(), list: [] }));
    return f;
  }

  private scalar(key: MetricKey, labels: Readonly<Record<string, string>>): ScalarSeries {
    return lookup(this.fam(this.scalarFams, key), METRICS[key].labels, labels, (values) => {
      this.version++; // a new series is a change even at 0
      return { labels: values, value: 0 };
    }) as ScalarSeries;
  }

  /**
   * The series itself, created at 0 when absent (same creation order as
   * inc/set at the same moment): hot paths keep it and update it through
   * add/put, skipping the lookup by label values on every line.
   */
  series<K extends MetricKey>(key: K, labels: LabelsFor<K>): ScalarSeries {
    return this.scalar(key, labels);
  }

  /** Adds to a series got from series(). */
  add(s: ScalarSeries, by = 1): void {
    s.value += by;
    this.version++;
  }

  /** Sets a series got from series(). */
  put(s: ScalarSeries, value: number): void {
    if (s.value === value) return;
    s.value = value;
    this.version++;
  }

  /** Adds to a counter (creating it at 0). */
  inc<K extends MetricKey>(key: K, labels: LabelsFor<K>, by = 1): void {
    this.scalar(key, labels).value += by;
    this.version++;
  }

  /** Sets a gauge. */
  set<K extends MetricKey>(key: K, labels: LabelsFor<K>, value: number): void {
    const s = this.scalar(key, labels);
    if (s.value === value) return;
    s.value = value;
    this.version++;
  }

  /** Current value of a counter or gauge (0 when absent). */
  get<K extends MetricKey>(key: K, labels: LabelsFor<K>): number {
    const f = this.scalarFams.get(key);
    return (f && lookup(f, METRICS[key].labels, labels, null)?.value) ?? 0;
  }

  /** A histogram series, created empty when absent (see series()). */
  histogramSeries<K extends MetricKey>(key: K, labels: LabelsFor<K>): HistogramSeries {
    const bounds = METRICS[key].buckets ?? [];
    return lookup(this.fam(this.histFams, key), METRICS[key].labels, labels, (values) => new HistogramSeries(values, new Array<number>(bounds.length + 1).fill(0))) as HistogramSeries;
  }

  /** Records one observation in a histogram. */
  observe<K extends MetricKey>(key: K, labels: LabelsFor<K>, v: number): void {
    this.observeInto(this.histogramSeries(key, labels), METRICS[key].buckets ?? [], v);
  }

  /** Records one observation in a series got from histogramSeries(); `bounds` are its family's buckets. */
  observeInto(h: HistogramSeries, bounds: readonly number[], v: number): void {
    let i = 0;
    while (i < bounds.length && v > (bounds[i] as number)) i++;
    (h.counts[i] as number)++;
    addExact(h.parts, v);
    h.count++;
    this.version++;
  }

  /** Adds another histogram's counts, exact sum and count (a merge of partial states). */
  addHistogram(h: HistogramSeries, counts: readonly number[], parts: readonly number[], count: number): void {
    for (let i = 0; i < h.counts.length; i++) (h.counts[i] as number) += counts[i] ?? 0;
    mergeExact(h.parts, parts);
    h.count += count;
    this.version++;
  }

  /** A histogram series, if it exists. */
  histogram<K extends MetricKey>(key: K, labels: LabelsFor<K>): HistogramSeries | undefined {
    const f = this.histFams.get(key);
    return f && lookup(f, METRICS[key].labels, labels, null);
  }

  /** Counter and gauge series of a family, in creation order. */
  scalars(key: MetricKey): readonly ScalarSeries[] {
    return this.scalarFams.get(key)?.list ?? [];
  }

  /** Histogram series of a family, in creation order. */
  histograms(key: MetricKey): readonly HistogramSeries[] {
    return this.histFams.get(key)?.list ?? [];
  }

  toJSON(): SerializedAggregates {
    const scalars: Record<string, [string[], number][]> = {};
    for (const [k, f] of this.scalarFams) scalars[k] = f.list.map((s) => [s.labels as string[], s.value]);
    const histograms: Record<string, SerializedHistogram[]> = {};
    for (const [k, f] of this.histFams) {
      histograms[k] = f.list.map((h) => {
        const sum = h.sum;
        return h.parts.length > 1 ? [h.labels as string[], h.counts, sum, h.count, [...h.parts]] : [h.labels as string[], h.counts, sum, h.count];
      });
    }
    return { scalars, histograms };
  }

  /** Restores a serialised state; families no longer in the catalog are dropped. */
  static from(json: SerializedAggregates): Aggregates {
    const a = new Aggregates();
    for (const [k, rows] of Object.entries(json.scalars)) {
      if (!(k in METRICS)) continue;
      const names = METRICS[k as MetricKey].labels;
      for (const [labels, value] of rows) a.scalar(k as MetricKey, byName(names, labels)).value = value;
    }
    for (const [k, rows] of Object.entries(json.histograms)) {
      const def = METRICS[k as MetricKey];
      if (!def || def.type !== 'histogram') continue;
      const fam = a.fam(a.histFams, k as MetricKey);
      for (const [labels, counts, sum, count, parts] of rows) {
        if (counts.length !== (def.buckets?.length ?? 0) + 1) continue;
        const exact = Array.isArray(parts) && parts.every(Number.isFinite) ? [...parts] : [sum];
        const h = lookup(fam, def.labels, byName(def.labels, labels), (values) => new HistogramSeries(values, [...counts], exact));
        if (h) h.count = count;
      }
    }
    return a;
  }
}
