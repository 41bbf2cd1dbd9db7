/**
 * The validated, normalised config the core receives (types only): defaults
 * applied, per-endpoint overrides merged, schedules resolved per check,
 * paths absolute. Built by ./normalize, frozen.
 */
import type { Check, ProberMetricsMode } from '../catalog/index.js';
import type { Duration } from './duration.js';
import type { Secret } from './secret.js';
import type { RawConfig } from './schema/root.js';
import type { SigningConfig as RawSigningConfig } from './schema/signing.js';
import type { ListenAddress } from './schema/common.js';
import type { DurationUnit, MappedField, RecordFormat, TimestampFormat } from './schema/exporter.js';
import type { Faults } from './schema/faults.js';

export type { ListenAddress, Duration, Faults, DurationUnit, MappedField, RecordFormat, TimestampFormat };

/** How an endpoint signs; `scheme: none` in the YAML means no signing at all. */
export type SigningConfig = RawSigningConfig & { readonly scheme: Exclude<RawSigningConfig['scheme'], 'none'> };

export interface Expectations {
  readonly status: readonly (number | string)[];
  readonly bodyContains?: string;
  readonly json?: Readonly<Record<string, string | number | boolean | null>>;
  readonly degradedAfterSeconds?: number;
  readonly failAfterSeconds?: number;
}

/** When a check runs: a cron expression or a fixed interval. */
export type Schedule = { readonly kind: 'cron'; readonly expr: string } | { readonly kind: 'interval'; readonly every: Duration };

export interface CheckConfig {
  readonly kind: Check;
  readonly enabled: boolean;
  readonly schedule: Schedule;
  readonly timeoutSeconds: number;
  readonly expect: Expectations;
  readonly body?: string;
  readonly method: 'POST' | 'PUT' | 'GET';
}

export interface Thresholds {
  readonly failureRate: { readonly threshold: number; readonly for: Duration; readonly window: Duration; readonly minRatePerSecond: number };
  readonly endpointDown: { readonly for: Duration; readonly minRegions: number };
  readonly responseTime: { readonly p95Seconds: number; readonly failP95Seconds: number; readonly degradationFactor: number; readonly for: Duration };
  readonly dlq: { readonly maxDepth: number; readonly growthFor: Duration };
  readonly rateLimit: { readonly remainingRatio: number; readonly for: Duration };
  readonly retryRate: { readonly threshold: number; readonly for: Duration };
  readonly signature: { readonly for: Duration };
  readonly tls: { readonly warningDays: number; readonly criticalDays: number };
}

export interface EndpointConfig {
  readonly name: string;
  readonly url: string;
  readonly healthUrl?: string;
  readonly events: readonly string[];
  readonly signing?: SigningConfig;
  readonly slo: { readonly successRatio: number; readonly latencyP95Seconds: number; readonly excludeMaintenance: boolean };
  readonly headers: Readonly<Record<string, string>>;
  readonly followRedirects: boolean;
  readonly tls: { readonly insecureSkipVerify: boolean; readonly caFile?: string; readonly serverName?: string };
  readonly checks: Readonly<Record<Check, CheckConfig>>;
  readonly team?: string;
  /** `prober.metrics`, or `full` where the endpoint opts in. */
  readonly metrics: ProberMetricsMode;
  /** Global thresholds with this endpoint's overrides applied. */
  readonly thresholds: Thresholds;
  /** True when this endpoint overrides any global threshold. */
  readonly hasOverrides: boolean;
}

export interface ProberConfig {
  readonly region: string;
  readonly listen: ListenAddress;
  readonly bodyLimitBytes: number;
  readonly userAgent: string;
  readonly historySize: number;
  /** Total bytes of the status history (`history_memory_mib`), shared by every endpoint and check. */
  readonly historyMemoryBytes: number;
  /** What the generated dashboards and rules read; every endpoint gets at least this mode's series. */
  readonly metrics: ProberMetricsMode;
  /** Buckets of `METRICS.probeDuration`: the full ones, or compact ones at the config's latency thresholds. */
  readonly durationBuckets: readonly number[];
  /** This prober probes only the endpoints whose rendezvous hash picks `index` among `count` shards. */
  readonly shard: { readonly index: number; readonly count: number };
}

export interface ReceiverConfig {
  /** The endpoint whose signing this receiver verifies. */
  readonly endpoint: EndpointConfig;
  readonly listen: ListenAddress;
  readonly log?: string;
  readonly idempotency: { readonly store: 'memory' | 'file'; readonly path?: string; readonly ttlSeconds: number; readonly maxEntries: number };
  readonly processing: { readonly concurrency: number; readonly queueLimit: number; readonly maxAttempts: number; readonly backoffSeconds: number; readonly maxBackoffSeconds: number; readonly dlqReplayIntervalSeconds?: number };
  readonly handlers: Readonly<Record<string, readonly string[]>>;
  readonly faults: Faults;
  readonly admin: boolean;
}

export interface SimulatorConfig {
  readonly ratePerSecond: number;
  readonly endpoints: readonly EndpointConfig[];
  readonly timeoutSeconds: number;
  /** Delay before each attempt; its length is the attempt limit. */
  readonly retry: { readonly delaysSeconds: readonly number[]; readonly jitter: number };
  readonly log: { readonly path: string; readonly maxBytes: number; readonly keep: number };
}

/** A `map:`: where each record field lives in a JSON line, and how values are written. */
export interface FieldMap {
  readonly paths: Readonly<Partial<Record<MappedField, string>>>;
  readonly durationUnit: DurationUnit;
  readonly timestampFormat: TimestampFormat;
}

/** How a source's lines are read: a built-in format, optionally with a `map:`. */
export interface RecordFormatSpec {
  readonly format: RecordFormat;
  readonly map?: FieldMap;
}

interface SourceBase extends RecordFormatSpec {
  /** The `source` label: the configured `name`, else `<type>-<index>`. */
  readonly name: string;
}

export interface FileSourceConfig extends SourceBase {
  readonly type: 'file';
  /** Absolute path, or glob (wildcards in the file name only). */
  readonly path: string;
  /** The path as written in the config, for messages. */
  readonly written: string;
}

export interface StdinSourceConfig extends SourceBase {
  readonly type: 'stdin';
}

export interface HttpSourceConfig extends SourceBase {
  readonly type: 'http';
  /** URL path the lines are POSTed to. */
  readonly path: string;
  readonly token?: Secret;
  readonly maxBodyBytes: number;
  /** How long, and how many, `Idempotency-Key`s are remembered. */
  readonly idempotency: { readonly ttlSeconds: number; readonly maxEntries: number };
}

export type SourceConfig = FileSourceConfig | StdinSourceConfig | HttpSourceConfig;

export interface ExporterConfig {
  readonly listen: ListenAddress;
  /** Absolute folder of the checkpoint. */
  readonly stateDir: string;
  readonly checkpointSeconds: number;
  readonly pollSeconds: number;
  readonly maxLineBytes: number;
  /** Distinct values kept per label before new ones become `other`. */
  readonly labelLimit: number;
  /** (event, endpoint) pairs remembered to number attempts of formats without a number (Svix, Convoy). */
  readonly attemptMemory?: number;
  /** Unread bytes from which the daemon's catch-up counts on worker threads (absent: EXPORTER_DEFAULTS.parallelCatchUpBytes). */
  readonly parallelCatchUpBytes?: number;
  readonly sources: readonly SourceConfig[];
}

/**
 * One Alertmanager 0.25 `time_interval_spec`, as a window compiles to it: an
 * instant is in it when, seen in `location`, every field given matches.
 * Weekdays count from Sunday = 0; times are minutes of the day, start
 * included, end excluded; the other ranges include both ends.
 */
export interface TimeIntervalSpec {
  readonly weekdays?: readonly number[];
  readonly times?: readonly { readonly startMinute: number; readonly endMinute: number }[];
  readonly daysOfMonth?: readonly (readonly [number, number])[];
  readonly months?: readonly (readonly [number, number])[];
  readonly years?: readonly (readonly [number, number])[];
  readonly location: string;
}

/** A maintenance window: the endpoints it mutes and when, as Alertmanager time interval specs. */
export interface MaintenanceWindow {
  readonly name: string;
  /** The Alertmanager time interval's name. */
  readonly interval: string;
  /** Every endpoint when the config names none. */
  readonly endpoints: readonly string[];
  readonly timeZone: string;
  /** A one-off window's bounds (Unix ms, end excluded); absent for weekly ones. */
  readonly once?: { readonly start: number; readonly end: number };
  /** Any one matching is maintenance; a one-off window's specs are in UTC and cover exactly [start, end). */
  readonly specs: readonly TimeIntervalSpec[];
}

export interface Config {
  /** Absolute path of the file it was read from (or a label for inline configs). */
  readonly file: string;
  readonly endpoints: readonly EndpointConfig[];
  readonly prober: ProberConfig;
  readonly exporter: ExporterConfig;
  /**
   * Which components this config runs: the build writes scrape jobs, rules
   * and meta-alerts only for these. The prober unless `prober.enabled: false`;
   * the exporter when it has sources, unless `exporter.enabled: false`.
   */
  readonly components: { readonly prober: boolean; readonly exporter: boolean };
  readonly alerts: {
    readonly defaults: Thresholds;
    readonly exporterStalledFor: Duration;
    readonly absentFor: Duration;
    readonly scrapeInterval: Duration;
    readonly evaluationInterval: Duration;
    readonly runbookBaseUrl?: string;
  };
  readonly notify: RawConfig['notify'] & {
    readonly groupWait: Duration;
    readonly groupInterval: Duration;
    readonly repeatInterval: Duration;
    readonly resolvedRoutes: { readonly critical: readonly string[]; readonly warning: readonly string[]; readonly info: readonly string[] };
  };
  readonly grafana: { readonly url?: string; readonly folder: string };
  readonly receivers: readonly ReceiverConfig[];
  readonly simulator?: SimulatorConfig;
  readonly maintenance: readonly MaintenanceWindow[];
  readonly scaleOut?: ScaleOutConfig;
}

/** `scale_out`: the topology `hookwatch build` writes agent, vmalert, VictoriaMetrics and Alertmanager-cluster settings for. */
export interface ScaleOutConfig {
  readonly remoteWrite: {
    readonly url: string;
    readonly bearerTokenFile?: string;
    readonly basicAuth?: { readonly username: string; readonly passwordFile: string };
    readonly headers: Readonly<Record<string, string>>;
    readonly batchSendDeadline: Duration;
    readonly flushDeadline: Duration;
  };
  readonly queryUrl: string;
  readonly rulesWriteUrl: string;
  readonly rulesDir: string;
  readonly alertmanagerConfig: string;
  readonly externalUrl?: string;
  readonly storeLatencyOffset: Duration;
  /** vmalert's `-datasource.queryStep`: a store outage shorter than this resolves nothing. */
  readonly outageTolerance: Duration;
  readonly alertmanagers: readonly { readonly url: string; readonly clusterAddress: string }[];
  readonly regions: readonly {
    readonly name: string;
    readonly replicas: readonly { readonly name: string; readonly probers: readonly string[]; readonly exporters: readonly string[] }[];
  }[];
}
