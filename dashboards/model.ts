/**
 * The generator's internal model: what a dashboard shows, before it becomes
 * SDK builders and JSON. Dashboard files declare these; `build.ts` renders
 * them, assigning ids, refIds and grid positions so no file writes them.
 */
import type { AlertName, DashboardKey } from '../catalog/index.js';

/** One threshold step: from `value` upwards the colour is `color` (null = base). */
export interface Step {
  readonly value: number | null;
  readonly color: 'green' | 'orange' | 'red' | 'blue' | 'text';
}

/**
 * Thresholds of a panel. `perSeries` overrides the steps for one series by
 * display name (the legend), which is how per-endpoint alert thresholds from
 * the config reach the graph.
 */
export interface Thresholds {
  readonly steps: readonly Step[];
  readonly perSeries?: readonly { readonly name: string; readonly steps: readonly Step[] }[];
  /** Draw the thresholds on time series: as lines (alert limits) or not at all (neutral). */
  readonly show: boolean;
}

export interface Query {
  readonly expr: string;
  readonly legend: string;
  /** Instant query (stat panels showing "now" or a whole-range value). */
  readonly instant?: boolean;
}

/** Grafana unit ids used by the dashboards. */
export type Unit = 'percentunit' | 'reqps' | 'ops' | 's' | 'd' | 'bytes' | 'short' | 'none';

export interface PanelSpec {
  readonly kind: 'timeseries' | 'stat';
  readonly title: string;
  readonly description: string;
  readonly unit: Unit;
  readonly decimals: number;
  readonly thresholds: Thresholds;
  readonly queries: readonly Query[];
  /** Grid columns (1–24) and rows. */
  readonly width: number;
  readonly height: number;
  readonly min?: number;
  readonly max?: number;
  readonly stacked?: boolean;
  /** Alerts this panel explains; each adds a runbook link. */
  readonly alerts?: readonly AlertName[];
}

export interface Section {
  readonly title: string;
  readonly panels: readonly PanelSpec[];
}

/** Template variables a dashboard can use, besides the datasource. */
export type VariableName = 'endpoint' | 'event_type' | 'region';

export interface DashboardSpec {
  readonly key: DashboardKey;
  readonly description: string;
  readonly variables: readonly VariableName[];
  /** Endpoint variable without "All": the Endpoint dashboard shows one endpoint. */
  readonly singleEndpoint?: boolean;
  readonly sections: readonly Section[];
}
