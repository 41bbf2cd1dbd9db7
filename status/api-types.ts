/**
 * The JSON of `/api/status`: what the server builds (model.ts) and the
 * page's script draws (page/browser/). Types and plain constants only, no
 * Node or DOM: both the Node and the browser tsconfig compile this file.
 */
import type { Check, Phase, ProbeResult } from '../catalog/labels.js';

export const STATES = ['up', 'degraded', 'down', 'unknown'] as const;
export type State = (typeof STATES)[number];

/** One probe as the recent-probes bar shows it. */
export interface Tick {
  /** Unix seconds the probe started. */
  readonly t: number;
  readonly result: ProbeResult;
  readonly success: boolean;
  readonly degraded: boolean;
  /** HTTP status, 0 when no response. */
  readonly status: number;
  readonly seconds: number;
  /** Failure reason (empty on a plain success). */
  readonly detail: string;
}

/** A probe with its phase breakdown: seconds per phase that happened, in catalog order. */
export interface ProbeEntry extends Tick {
  readonly phases: Partial<Record<Phase, number>>;
}

export interface Uptime {
  /** Successful share of the probes in the window; null when there were none. */
  readonly ratio: number | null;
  /** Probes counted. */
  readonly probes: number;
  readonly windowSeconds: number;
  /** How much of the window the ring's history reaches back (≤ windowSeconds). */
  readonly coveredSeconds: number;
}

export interface LatencySeries {
  /** Bucket start times, unix seconds. */
  readonly t: number[];
  /** Seconds; null for a bucket with no probe (the page breaks the line only at a longer hole, see cadenceSeconds). */
  readonly p50: (number | null)[];
  readonly p95: (number | null)[];
  /** At least cadenceSeconds, so probes on schedule fill consecutive buckets. */
  readonly bucketSeconds: number;
  /**
   * How often the endpoint is probed (its most frequent check; for cron the
   * typical gap between runs). Buckets left empty for less than two of
   * these are a late or skipped run and the page joins over them; longer
   * means nothing was measured (refused connections, prober stopped) and
   * the line breaks.
   */
  readonly cadenceSeconds: number;
  /** p50 and p95 of every probe in the last SUMMARY_SECONDS (the page's headline numbers). */
  readonly recent: { readonly p50: number | null; readonly p95: number | null; readonly probes: number };
}

export interface DeliveryStats {
  /** Seconds the rates cover; null when they are totals since the exporter's state began. */
  readonly windowSeconds: number | null;
  readonly attempts: number;
  readonly successRatio: number | null;
  readonly retryRatio: number | null;
  readonly dlqDepth: number | null;
  /** remaining / limit of the last rate-limit headers seen; null when none. */
  readonly rateLimitHeadroom: number | null;
  readonly rateLimitRemaining: number | null;
  readonly rateLimitLimit: number | null;
}

export interface CheckStatus {
  readonly check: Check;
  readonly state: State;
  readonly reason: string;
  readonly uptime: { readonly hour: Uptime; readonly day: Uptime };
  /** The last probe, with its phase breakdown (seconds). */
  readonly last: ProbeEntry | null;
  /** Newest RECENT_TICKS probes, oldest first. */
  readonly recent: Tick[];
  /** How far back this check's history reaches when full: results kept × the check's cadence (uptime "day" covers at most this). */
  readonly historySeconds: number;
}

/** The endpoint's maintenance windows as the page shows them. Uptime is counted as usual; this only says when. */
export interface MaintenanceStatus {
  /** In a window now: the windows' names and when the maintenance ends (unix seconds); null otherwise. */
  readonly active: { readonly windows: readonly string[]; readonly until: number } | null;
  /** Seconds of the uptime windows (last hour, last 24 h) spent in maintenance. */
  readonly hourSeconds: number;
  readonly daySeconds: number;
}

export interface EndpointStatus {
  readonly name: string;
  readonly state: State;
  readonly checks: CheckStatus[];
  /** p50/p95 over the last hour, all checks of the endpoint. */
  readonly latency: LatencySeries;
  /** Null when no exporter runs in this process. */
  readonly delivery: DeliveryStats | null;
  /** The Grafana endpoint dashboard for this endpoint, when grafana.url is set. */
  readonly dashboard: string | null;
  /** Null when no maintenance window covers this endpoint. */
  readonly maintenance: MaintenanceStatus | null;
}

/** What history the page keeps, and why no more. */
export interface HistoryInfo {
  readonly probesPerCheck: number;
  /** `history_size` when every check gets what it asks; `memory_budget` when the total budget shortened them. */
  readonly limitedBy: 'history_size' | 'memory_budget';
  /** `prober.history_memory_mib`, in bytes. */
  readonly budgetBytes: number;
  /** The rings' size when full, about. */
  readonly bytesWhenFull: number;
  /** The shortest span a check's history covers (seconds); null before any target. */
  readonly spanSeconds: number | null;
}

export interface StatusModel {
  /** Unix seconds. */
  readonly generatedAt: number;
  readonly version: string;
  readonly region: string;
  /** Results kept per endpoint and check (`history.probesPerCheck`). */
  readonly historySize: number;
  readonly history: HistoryInfo;
  readonly summary: Readonly<Record<State, number>> & { readonly checks: number; readonly endpoints: number };
  readonly links: { readonly metrics: string; readonly api: string; readonly grafana: { readonly title: string; readonly url: string }[] };
  readonly endpoints: EndpointStatus[];
}
