/**
 * The shape of one metric family in the catalog.
 *
 * The catalog is the contract between what the prober and exporter emit and
 * what dashboards and alerts query: every metric name, label name and label
 * value of hookwatch is spelled in this folder and nowhere else.
 */
export type MetricType = 'counter' | 'gauge' | 'histogram';

/** Who should see a metric. `user` metrics must appear on a dashboard. */
export type Audience = 'user' | 'internal';

export interface MetricDef<L extends string = string> {
  /** Full Prometheus family name, e.g. `webhook_probe_up`. */
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  /** Label names in exposition order. */
  readonly labels: readonly L[];
  /** Histogram bucket upper bounds (without +Inf), ascending. */
  readonly buckets?: readonly number[];
  /** Base unit, when the value has one; the name ends in `_<unit>`. */
  readonly unit?: 'seconds' | 'bytes' | 'ratio' | 'timestamp_seconds';
  readonly audience: Audience;
  /** Which component exposes it. */
  readonly component: 'prober' | 'exporter' | 'shared';
  /**
   * Who names it: hookwatch (left out), or prom-client's default metrics,
   * the `process_*` and `nodejs_*` families every Node.js client exposes.
   * Those keep the client's names; the catalog lists the ones hookwatch
   * queries, so dashboards still name nothing the catalog does not know.
   */
  readonly origin?: 'prom-client';
}

/** Declares a metric and keeps its label names as a literal type. */
export function defineMetric<const L extends string>(def: MetricDef<L>): MetricDef<L> {
  return Object.freeze({ ...def, labels: Object.freeze([...def.labels]) });
}

/** The label names a metric accepts. */
export type LabelsOf<M> = M extends MetricDef<infer L> ? L : never;

/** A value for every label of a metric, by name (prom-client's `LabelValues<T>`, all required). */
export type LabelValues<M> = Readonly<Record<LabelsOf<M>, string>>;
