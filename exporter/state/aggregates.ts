/**
 * The exporter's own metric state: plain Maps of counters, gauges and
 * histogram bucket arrays keyed by label values. We keep it ourselves
 * (rather than in prom-client) because it must be serialised into the
 * checkpoint together with the source offsets, and restored exactly.
 */
import { METRICS, type MetricKey } from '../../catalog/index.js';

/** A counter or gauge series. `labelText` caches the rendered `{…}` part. */
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

type Family<S> = Map<string, S>;

/** The JSON form stored in the checkpoint. */
export interface SerializedAggregates {
  readonly scalars: Record<string, [string[], number][]>;
  readonly histograms: Record<string, [string[], number[], number, number][]>;
}

const SEP = '\u0000';

export class Aggregates {
  /** Counters and gauges, by catalog key. */
  readonly scalars = new Map<MetricKey, Family<ScalarSeries>>();
  readonly histograms = new Map<MetricKey, Family<HistogramSeries>>();

  private scalar(key: MetricKey, labels: readonly string[]): ScalarSeries {
    let fam = this.scalars.get(key);
    if (!fam) this.scalars.set(key, (fam = new Map()));
    const id = labels.length === 1 ? (labels[0] as string) : labels.join(SEP);
    let s = fam.get(id);
    if (!s) fam.set(id, (s = { labels, value: 0 }));
    return s;
  }

  /** Adds to a counter (creating it at 0). */
  inc(key: MetricKey, labels: readonly string[], by = 1): void {
    this.scalar(key, labels).value += by;
  }

  /** Sets a gauge. */
  set(key: MetricKey, labels: readonly string[], value: number): void {
    this.scalar(key, labels).value = value;
  }

  /** Current value of a counter or gauge (0 when absent). */
  get(key: MetricKey, labels: readonly string[]): number {
    return this.scalars.get(key)?.get(labels.join(SEP))?.value ?? 0;
  }

  /** Records one observation in a histogram. */
  observe(key: MetricKey, labels: readonly string[], v: number): void {
    let fam = this.histograms.get(key);
    if (!fam) this.histograms.set(key, (fam = new Map()));
    const id = labels.join(SEP);
    let h = fam.get(id);
    const bounds = METRICS[key].buckets ?? [];
    if (!h) fam.set(id, (h = { labels, counts: new Array<number>(bounds.length + 1).fill(0), sum: 0, count: 0 }));
    let i = 0;
    while (i < bounds.length && v > (bounds[i] as number)) i++;
    (h.counts[i] as number)++;
    h.sum += v;
    h.count++;
  }

  /** Number of exposed samples (histograms count bucket, sum and count lines). */
  seriesCount(): number {
    let n = 0;
    for (const f of this.scalars.values()) n += f.size;
    for (const [k, f] of this.histograms) n += f.size * ((METRICS[k].buckets?.length ?? 0) + 3);
    return n;
  }

  toJSON(): SerializedAggregates {
    const scalars: SerializedAggregates['scalars'] = {};
    for (const [k, f] of this.scalars) scalars[k] = [...f.values()].map((s) => [[...s.labels], s.value]);
    const histograms: SerializedAggregates['histograms'] = {};
    for (const [k, f] of this.histograms) histograms[k] = [...f.values()].map((h) => [[...h.labels], [...h.counts], h.sum, h.count]);
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
      const fam = new Map<string, HistogramSeries>();
      for (const [labels, counts, sum, count] of rows) {
        if (counts.length !== (def.buckets?.length ?? 0) + 1) continue;
        fam.set(labels.join(SEP), { labels, counts: [...counts], sum, count });
      }
      a.histograms.set(k as MetricKey, fam);
    }
    return a;
  }
}
