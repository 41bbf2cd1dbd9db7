/**
 * The prober's Prometheus metrics, created from the catalog in the prober's
 * own store (`metric-store.ts`: one preformatted label string per series,
 * a page written in pieces that yield to the event loop), never prom-client's
 * global registry. Label values are named by the catalog:
 * `counter(METRICS.probes)` only takes that metric's labels.
 */
import { MetricStore, type AnyFamily, type CounterFamily, type GaugeFamily, type HistogramFamily } from './metric-store.js';
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

export class ProberMetrics {
  /** The families, in the order the page shows them; `store.chunks()` renders it. */
  readonly store = new MetricStore();
  readonly mode: ProberMetricsMode;
  readonly #m = new Map<string, AnyFamily>();
  readonly #detail = new Map<string, Detail>();

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
    const l = { endpoint: o.endpoint, check: o.check, region };
    const detail = this.#detailOf(o.endpoint, o.check);
    if (detail.full || (COMPACT_PROBE_RESULTS as readonly string[]).includes(o.result)) this.counter(METRICS.probes).inc({ ...l, result: o.result });
    this.gauge(METRICS.probeUp).set(l, o.success ? 1 : 0);
    this.gauge(METRICS.probeStatusCode).set(l, o.status);
    this.histogram(METRICS.probeDuration).observe(l, o.durationSeconds);
    for (const [phase, seconds] of Object.entries(o.phases)) {
      if (detail.full) this.histogram(METRICS.probePhase).observe({ ...l, phase }, Math.max(0, seconds));
      if (detail.compact) this.gauge(METRICS.probeLastPhase).set({ ...l, phase }, Math.max(0, seconds));
    }
    if (o.success) this.gauge(METRICS.probeLastSuccess).set(l, o.startedAt + o.durationSeconds);
    if (o.tlsExpiry !== undefined) this.gauge(METRICS.probeTlsExpiry).set(l, o.tlsExpiry);
    if (o.rateLimit?.remaining !== undefined) this.gauge(METRICS.probeRateLimitRemaining).set(l, o.rateLimit.remaining);
    if (o.rateLimit?.limit !== undefined) this.gauge(METRICS.probeRateLimitLimit).set(l, o.rateLimit.limit);
    if (o.rateLimit?.resetSeconds !== undefined) this.gauge(METRICS.probeRateLimitReset).set(l, o.rateLimit.resetSeconds);
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
