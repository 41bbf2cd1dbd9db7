/**
 * The prober's Prometheus metrics, created from the catalog in the prober's
 * own store (`metric-store.ts`: series in columns, label texts formatted once,
 * a page written in pieces that yield to the event loop), never prom-client's
 * global registry. Label values are named by the catalog:
 * `counter(METRICS.probes)` only takes that metric's labels.
 */
import { MetricStore, type AnyFamily, type CounterFamily, type GaugeFamily, type HistogramFamily, type HistogramSeries, type Labels, type ScalarSeries } from './metric-store.js';
import { CHECKS, COMPACT_PROBE_RESULTS, METRICS, PHASES, PROBE_RESULTS, RELOAD_RESULTS, SKIP_REASONS, type Check, type LabelValues, type MetricDef, type ProberMetricsMode } from '../catalog/index.js';
import type { ProbeOutcome } from './types.js';

/** The families' label-taking methods, wanting every label of `M` by name. */
interface Series<M> {
  remove(labels: LabelValues<M>): void;
  reset(): void;
}
export interface TypedCounter<M> extends Series<M> { inc(labels: LabelValues<M>, by?: number): void; get(labels: LabelValues<M>): number | undefined }
export interface TypedGauge<M> extends Series<M> { set(labels: LabelValues<M>, value: number): void; get(labels: LabelValues<M>): number | undefined }
export interface TypedHistogram<M> extends Series<M> {
  observe(labels: LabelValues<M>, value: number): void;
  zero(labels: LabelValues<M>): void;
  get(labels: LabelValues<M>): { readonly counts: readonly number[]; readonly sum: number; readonly count: number } | undefined;
}

const PROBER_METRICS = [
  METRICS.probeUp, METRICS.probes, METRICS.probeDuration, METRICS.probePhase, METRICS.probeLastPhase, METRICS.probeStatusCode,
  METRICS.probeLastSuccess, METRICS.probeTlsExpiry, METRICS.probeRateLimitRemaining, METRICS.probeRateLimitLimit,
  METRICS.probeRateLimitReset, METRICS.maintenance, METRICS.proberSkippedRuns, METRICS.proberScheduleDrift, METRICS.proberLastDrift, METRICS.configReloads, METRICS.buildInfo,
] as const;

/** The gauges of one endpoint, check and region that are set by results (not pre-created). */
const RESULT_GAUGES = [
  METRICS.probeUp, METRICS.probeStatusCode, METRICS.probeLastSuccess, METRICS.probeTlsExpiry,
  METRICS.probeRateLimitRemaining, METRICS.probeRateLimitLimit, METRICS.probeRateLimitReset,
] as const;

export interface ProberMetricsOptions {
  /** The prober's mode (`prober.metrics`): every target gets at least its series. */
  readonly mode?: ProberMetricsMode;
  /** Buckets of the duration histogram (config's `prober.durationBuckets`). */
  readonly durationBuckets?: readonly number[];
}

/** Which series sets a target has: an endpoint opted into full in a compact prober has both. */
interface Detail { readonly full: boolean; readonly compact: boolean }

const targetKey = (endpoint: string, check: string) => `${endpoint}\u0000${check}`;
const regionKey = (endpoint: string, check: string, region: string) => `${endpoint}\u0000${check}\u0000${region}`;

/** The series kept in `slots[i]`, looked up by `labels()` only when its family no longer holds it (new, removed, reset). */
function keptIn<S>(f: { at(l: Labels): S; holds(s: S): boolean }, slots: (S | undefined)[], i: number, labels: () => Labels): S {
  const s = slots[i];
  if (s !== undefined && f.holds(s)) return s;
  return (slots[i] = f.at(labels()));
}

const PHASE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(PHASES.map((p, i) => [p, i]));
const RESULT_INDEX: Readonly<Record<string, number>> = Object.fromEntries(PROBE_RESULTS.map((r, i) => [r, i]));
const GAUGE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(RESULT_GAUGES.map((d, i) => [d.name, i]));

/**
 * What `record` updates for one endpoint, check and region, kept between
 * probes in arrays indexed by the catalog's order of results, phases and
 * result gauges: a probe then neither builds label objects nor formats
 * label strings (measured on the single-probe benchmark, they were the
 * largest part of what a probe allocated), and a target holds a few small
 * arrays, not maps of label objects (measured at 10,000 endpoints: the
 * maps and their label objects were about 60 MiB of heap).
 */
interface TargetSeries {
  readonly detail: Detail;
  readonly endpoint: string;
  readonly check: Check;
  readonly region: string;
  duration: HistogramSeries | undefined;
  /** By `RESULT_GAUGES`, `PROBE_RESULTS`, `PHASES` index. */
  readonly gauges: (ScalarSeries | undefined)[];
  readonly probes: (ScalarSeries | undefined)[];
  readonly phases: (HistogramSeries | undefined)[];
  readonly lastPhases: (ScalarSeries | undefined)[];
}

export class ProberMetrics {
  /** The families, in the order the page shows them; `store.chunks()` renders it. */
  readonly store = new MetricStore();
  readonly mode: ProberMetricsMode;
  readonly #m = new Map<string, AnyFamily>();
  readonly #detail = new Map<string, Detail>();
  readonly #targets = new Map<string, TargetSeries>();

  constructor(version: string, opts: ProberMetricsOptions = {}) {
    this.mode = opts.mode ?? 'full';
    for (const def of PROBER_METRICS) {
      const buckets = def === METRICS.probeDuration ? opts.durationBuckets : undefined;
      this.#m.set(def.name, this.store.add(buckets ? { ...def, buckets } : def));
    }
    this.gauge(METRICS.buildInfo).set({ version, component: 'prober' }, 1);
    for (const result of RELOAD_RESULTS) this.counter(METRICS.configReloads).inc({ result }, 0);
  }

  counter<M extends MetricDef>(def: M): TypedCounter<M> { return this.#m.get(def.name) as CounterFamily; }
  gauge<M extends MetricDef>(def: M): TypedGauge<M> { return this.#m.get(def.name) as GaugeFamily; }
  histogram<M extends MetricDef>(def: M): TypedHistogram<M> { return this.#m.get(def.name) as HistogramFamily; }

  /** The whole page as one string (tests; the server streams `store.chunks()`). */
  metrics(): Promise<string> { return this.store.metrics(); }

  /**
   * Pre-creates every series of a target so none appears or vanishes with
   * results. `endpointMode` is the endpoint's own (`endpoints[].metrics`).
   */
  initTarget(endpoint: string, check: Check, region: string, endpointMode: ProberMetricsMode = this.mode): void {
    const detail: Detail = { full: endpointMode === 'full', compact: this.mode === 'compact' };
    this.#detail.set(targetKey(endpoint, check), detail);
    this.#targets.delete(regionKey(endpoint, check, region));
    const l = { endpoint, check, region };
    for (const result of detail.full ? PROBE_RESULTS : COMPACT_PROBE_RESULTS) this.counter(METRICS.probes).inc({ ...l, result }, 0);
    this.histogram(METRICS.probeDuration).zero(l);
    if (detail.full) for (const phase of PHASES) this.histogram(METRICS.probePhase).zero({ ...l, phase });
    // probe_up is not pre-created: 0 before the first probe would read as "down".
    for (const reason of SKIP_REASONS) this.counter(METRICS.proberSkippedRuns).inc({ endpoint, check, reason }, 0);
  }

  /** Removes every series of an endpoint (config reload removed it). */
  removeEndpoint(endpoint: string, region: string): void {
    for (const check of CHECKS) this.removeTarget(endpoint, check, region);
  }

  /** Removes every series of one endpoint and check (removed, or its metrics mode changed). */
  removeTarget(endpoint: string, check: Check, region: string): void {
    this.#detail.delete(targetKey(endpoint, check));
    this.#targets.delete(regionKey(endpoint, check, region));
    const l = { endpoint, check, region };
    for (const def of [...RESULT_GAUGES, METRICS.probeDuration]) (this.#m.get(def.name) as AnyFamily).remove(l);
    for (const result of PROBE_RESULTS) this.counter(METRICS.probes).remove({ ...l, result });
    for (const phase of PHASES) {
      this.histogram(METRICS.probePhase).remove({ ...l, phase });
      this.gauge(METRICS.probeLastPhase).remove({ ...l, phase });
    }
    for (const reason of SKIP_REASONS) this.counter(METRICS.proberSkippedRuns).remove({ endpoint, check, reason });
    this.histogram(METRICS.proberScheduleDrift).remove({ endpoint, check });
    this.gauge(METRICS.proberLastDrift).remove({ endpoint, check });
  }

  #detailOf(endpoint: string, check: string): Detail {
    return this.#detail.get(targetKey(endpoint, check)) ?? { full: this.mode === 'full', compact: this.mode === 'compact' };
  }

  record(o: ProbeOutcome, region: string): void {
    const t = this.#targetSeries(o.endpoint, o.check, region);
    const { endpoint, check } = t;
    const detail = t.detail;
    if (detail.full || (COMPACT_PROBE_RESULTS as readonly string[]).includes(o.result)) {
      const result = o.result;
      keptIn(this.#m.get(METRICS.probes.name) as CounterFamily, t.probes, RESULT_INDEX[result] as number, () => ({ endpoint, check, region, result })).value += 1;
    }
    this.#setGauge(t, METRICS.probeUp, o.success ? 1 : 0);
    this.#setGauge(t, METRICS.probeStatusCode, o.status);
    const duration = this.#m.get(METRICS.probeDuration.name) as HistogramFamily;
    const d = t.duration !== undefined && duration.holds(t.duration) ? t.duration : (t.duration = duration.at({ endpoint, check, region }));
    duration.observeAt(d, o.durationSeconds);
    const phases = o.phases as Readonly<Record<string, number>>;
    for (const phase in phases) {
      const seconds = Math.max(0, phases[phase] as number);
      const i = PHASE_INDEX[phase];
      if (i === undefined) continue;
      const labels = () => ({ endpoint, check, region, phase });
      if (detail.full) {
        const f = this.#m.get(METRICS.probePhase.name) as HistogramFamily;
        f.observeAt(keptIn(f, t.phases, i, labels), seconds);
      }
      if (detail.compact) keptIn(this.#m.get(METRICS.probeLastPhase.name) as GaugeFamily, t.lastPhases, i, labels).value = seconds;
    }
    if (o.success) this.#setGauge(t, METRICS.probeLastSuccess, o.startedAt + o.durationSeconds);
    if (o.tlsExpiry !== undefined) this.#setGauge(t, METRICS.probeTlsExpiry, o.tlsExpiry);
    if (o.rateLimit?.remaining !== undefined) this.#setGauge(t, METRICS.probeRateLimitRemaining, o.rateLimit.remaining);
    if (o.rateLimit?.limit !== undefined) this.#setGauge(t, METRICS.probeRateLimitLimit, o.rateLimit.limit);
    if (o.rateLimit?.resetSeconds !== undefined) this.#setGauge(t, METRICS.probeRateLimitReset, o.rateLimit.resetSeconds);
  }

  #targetSeries(endpoint: string, check: Check, region: string): TargetSeries {
    const key = regionKey(endpoint, check, region);
    let t = this.#targets.get(key);
    if (!t) {
      t = { detail: this.#detailOf(endpoint, check), endpoint, check, region, duration: undefined, gauges: [], probes: [], phases: [], lastPhases: [] };
      this.#targets.set(key, t);
    }
    return t;
  }

  #setGauge(t: TargetSeries, def: (typeof RESULT_GAUGES)[number], value: number): void {
    const { endpoint, check, region } = t;
    keptIn(this.#m.get(def.name) as GaugeFamily, t.gauges, GAUGE_INDEX[def.name] as number, () => ({ endpoint, check, region })).value = value;
  }

  /**
   * `METRICS.maintenance` is computed at each scrape from `source`: 1 for
   * each endpoint it says is in maintenance, 0 for the others.
   */
  maintenanceFrom(source: () => { readonly endpoints: readonly string[]; readonly inside: ReadonlySet<string> }): void {
    const g = this.#m.get(METRICS.maintenance.name) as GaugeFamily;
    g.collect = () => {
      const { endpoints, inside } = source();
      g.reset();
      for (const endpoint of endpoints) g.set({ endpoint }, inside.has(endpoint) ? 1 : 0);
    };
  }

  skipped(endpoint: string, check: Check): void {
    this.counter(METRICS.proberSkippedRuns).inc({ endpoint, check, reason: 'overlap' });
  }

  drift(endpoint: string, check: Check, seconds: number): void {
    const detail = this.#detailOf(endpoint, check);
    if (detail.full) this.histogram(METRICS.proberScheduleDrift).observe({ endpoint, check }, Math.max(0, seconds));
    if (detail.compact) this.gauge(METRICS.proberLastDrift).set({ endpoint, check }, Math.max(0, seconds));
  }

  reloaded(ok: boolean): void {
    this.counter(METRICS.configReloads).inc({ result: ok ? 'success' : 'failure' });
  }
}
