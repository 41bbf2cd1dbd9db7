/**
 * The exporter's own metric state: counters, gauges and histogram bucket
 * arrays keyed by label values. We keep it ourselves (rather than in
 * prom-client) because it must be serialised into the checkpoint together
 * with the source offsets, and restored exactly.
 *
 * Series are found through nested Maps, one level per label, so the hot
 * path never builds a joined key string; each family also keeps its
 * series in a list, in creation order, for rendering and serialising.
 */
import { METRICS, type MetricKey } from '../../catalog/index.js';

/** A counter or gauge series. `labelText` caches the rendered label pairs. */
export interface ScalarSeries {
  readonly labels: readonly string[];
  value: number;
  labelText?: string;
}

/** A histogram series: per-bucket (not cumulative) counts, the last one for +Inf. */
export interface HistogramSeries {
  readonly labels: readonly string[];
  readonly counts: number[];
  sum: number;
  count: number;
  labelText?: string;
}

interface Family<S> {
  readonly index: Map<string, unknown>;
  readonly list: S[];
}

/** The JSON form stored in the checkpoint. */
export interface SerializedAggregates {
  readonly scalars: Record<string, [string[], number][]>;
  readonly histograms: Record<string, [string[], number[], number, number][]>;
}

function lookup<S>(fam: Family<S>, labels: readonly string[], create: (() => S) | null): S | undefined {
  let m = fam.index;
  const last = labels.length - 1;
  for (let i = 0; i < last; i++) {
    let next = m.get(labels[i] as string) as Map<string, unknown> | undefined;
    if (!next) {
      if (!create) return undefined;
      m.set(labels[i] as string, (next = new Map()));
    }
    m = next;
  }
  const k = last >= 0 ? (labels[last] as string) : '';
  let s = m.get(k) as S | undefined;
  if (!s && create) {
    m.set(k, (s = create()));
    fam.list.push(s);
  }
  return s;
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

  private scalar(key: MetricKey, labels: readonly string[]): ScalarSeries {
    return lookup(this.fam(this.scalarFams, key), labels, () => {
      this.version++; // a new series is a change even at 0
      return { labels, value: 0 };
    }) as ScalarSeries;
  }

  /** Adds to a counter (creating it at 0). */
  inc(key: MetricKey, labels: readonly string[], by = 1): void {
    this.scalar(key, labels).value += by;
    this.version++;
  }

  /** Sets a gauge. */
  set(key: MetricKey, labels: readonly string[], value: number): void {
    const s = this.scalar(key, labels);
    if (s.value === value) return;
    s.value = value;
    this.version++;
  }

  /** Current value of a counter or gauge (0 when absent). */
  get(key: MetricKey, labels: readonly string[]): number {
    const f = this.scalarFams.get(key);
    return (f && lookup(f, labels, null)?.value) ?? 0;
  }

  /** Records one observation in a histogram. */
  observe(key: MetricKey, labels: readonly string[], v: number): void {
    const bounds = METRICS[key].buckets ?? [];
    const h = lookup(this.fam(this.histFams, key), labels, () => ({ labels, counts: new Array<number>(bounds.length + 1).fill(0), sum: 0, count: 0 })) as HistogramSeries;
    let i = 0;
    while (i < bounds.length && v > (bounds[i] as number)) i++;
    (h.counts[i] as number)++;
    h.sum += v;
    h.count++;
    this.version++;
  }

  /** A histogram series, if it exists. */
  histogram(key: MetricKey, labels: readonly string[]): HistogramSeries | undefined {
    const f = this.histFams.get(key);
    return f && lookup(f, labels, null);
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
    const histograms: Record<string, [string[], number[], number, number][]> = {};
    for (const [k, f] of this.histFams) histograms[k] = f.list.map((h) => [h.labels as string[], h.counts, h.sum, h.count]);
    return { scalars, histograms };
  }

  /** Restores a serialised state; families no longer in the catalog are dropped. */
  static from(json: SerializedAggregates): Aggregates {
    const a = new Aggregates();
    for (const [k, rows] of Object.entries(json.scalars)) {
      if (!(k in METRICS)) continue;
      for (const [labels, value] of rows) a.scalar(k as MetricKey, labels).value = value;
    }
    for (const [k, rows] of Object.entries(json.histograms)) {
      const def = METRICS[k as MetricKey];
      if (!def || def.type !== 'histogram') continue;
      const fam = a.fam(a.histFams, k as MetricKey);
      for (const [labels, counts, sum, count] of rows) {
        if (counts.length !== (def.buckets?.length ?? 0) + 1) continue;
        lookup(fam, labels, () => ({ labels, counts: [...counts], sum, count }));
      }
    }
    return a;
  }
}
