/**
 * Named defaults: every value hookwatch assumes when the config is silent.
 * Documented here once; the schema and the generators read them from here.
 */
import { duration } from './duration.js';

export const PROBER_DEFAULTS = {
  enabled: true,
  region: 'local',
  schedule: '*/15 * * * * *',
  timeoutSeconds: 10,
  listen: '127.0.0.1:9468',
  bodyLimitBytes: 64 * 1024,
  userAgent: 'hookwatch-prober/0.1',
  historySize: 1440,
  /**
   * Total memory of the status page's history, all endpoints and checks
   * together (about 44 bytes a probe plus ~1 KiB a check): 1,440 probes for
   * each of ~1,000 checks, or 52 for each of 20,000 (10,000
   * endpoints × 2 checks), 52 minutes at a 60 s interval.
   */
  historyMemoryMib: 64,
  /** Every histogram and result counter; `compact` is for fleets (README, "Compact metrics"). */
  metrics: 'full',
  /** One shard: this prober probes every endpoint. */
  shard: { index: 0, count: 1 },
} as const;

export const EXPORTER_DEFAULTS = {
  listen: '127.0.0.1:9469',
  stateDir: '.hookwatch',
  checkpointInterval: duration(1),
  pollInterval: duration(0.25),
  maxLineBytes: 1024 * 1024,
  labelLimit: 200,
  /**
   * (event, endpoint) pairs remembered to number the attempts of formats
   * without an attempt number (Svix, Convoy), so retries count; the least
   * recently seen is forgotten first, a delivered pair at once (about 100
   * bytes each, in memory and in the checkpoint).
   */
  attemptMemory: 10_000,
  /**
   * Unread bytes, over every file source, from which the daemon counts its
   * backlog on every core (at start, after a restart or a kill -9, or when
   * it fell behind): below it one thread is as fast, starting workers costs.
   */
  parallelCatchUpBytes: 32 * 1024 * 1024,
  /** The daemon logs at most `lines` bad lines per source per `interval`, then one line with the count suppressed. */
  badLineLog: { lines: 10, interval: duration(60) },
  ingestMaxBodyBytes: 10 * 1024 * 1024,
  ingestPath: '/ingest',
  /**
   * Idempotency-Keys an `http` source remembers (in the checkpoint): a
   * retry within `ttl` and within the last `maxEntries` keys is answered
   * as already applied. Each key adds about 80 bytes to every checkpoint.
   */
  ingestIdempotency: { ttl: duration(3600), maxEntries: 10_000 },
  format: 'hookwatch',
  /** A `map:` without `duration_unit` / `timestamp_format`. */
  mapDurationUnit: 'ms',
  mapTimestampFormat: 'iso8601',
} as const;

export const ENDPOINT_DEFAULTS = {
  events: ['hookwatch.test'] as string[],
  slo: { successRatio: 0.999, latencyP95Seconds: 2, excludeMaintenance: false },
  followRedirects: false,
} as const;

export const SIGNING_DEFAULTS = {
  /** How old a signed timestamp may be before a verifier refuses it. */
  toleranceSeconds: 300,
} as const;

export const RECEIVER_DEFAULTS = {
  idempotency: { store: 'memory', ttl: duration(24 * 3600), maxEntries: 100_000 },
  processing: { concurrency: 4, queueLimit: 10_000, maxAttempts: 4, backoff: duration(0.1), maxBackoff: duration(10) },
  handlers: { '*': ['default'] } as Record<string, string[]>,
  admin: true,
} as const;

/** Faults of a reference receiver: none unless asked for. */
export const FAULT_DEFAULTS = {
  errorStatus: 503,
} as const;

/** Svix's documented schedule: immediately, 5 s, 5 m, 30 m, 2 h, 5 h, 10 h, 10 h. */
export const SVIX_SCHEDULE = ['0s', '5s', '5m', '30m', '2h', '5h', '10h', '10h'] as const;

export const SIMULATOR_DEFAULTS = {
  ratePerSecond: 2,
  timeoutSeconds: 10,
  retry: { schedule: SVIX_SCHEDULE, jitter: 0.2 },
  log: { maxBytes: 10 * 1024 * 1024, keep: 3 },
} as const;

export const GRAFANA_DEFAULTS = {
  folder: 'Webhooks',
} as const;

export const ALERT_DEFAULTS = {
  failureRate: { threshold: 0.05, for: duration(300), window: duration(300), minRatePerSecond: 0.01 },
  endpointDown: { for: duration(120), minRegions: 1 },
  responseTime: { p95Seconds: 2, failP95Seconds: 5, degradationFactor: 2, for: duration(600) },
  dlq: { maxDepth: 100, growthFor: duration(900) },
  rateLimit: { remainingRatio: 0.1, for: duration(300) },
  retryRate: { threshold: 0.2, for: duration(900) },
  signature: { for: duration(300) },
  tls: { warningDays: 14, criticalDays: 3 },
  exporterStalledFor: duration(600),
  absentFor: duration(300),
  scrapeInterval: duration(15),
  evaluationInterval: duration(30),
} as const;

export const NOTIFY_DEFAULTS = {
  groupWait: duration(30),
  groupInterval: duration(300),
  repeatInterval: duration(4 * 3600),
  routes: { critical: ['pagerduty', 'slack'], warning: ['slack'], info: [] as string[] },
} as const;

export const MAINTENANCE_DEFAULTS = {
  /** Time zone of weekly windows: Alertmanager's own default location. */
  timeZone: 'UTC',
  /** Where `hookwatch maintenance start/end` creates and expires silences (the local stack's Alertmanager). */
  alertmanagerUrl: 'http://127.0.0.1:9093',
  /** Prefix of the Alertmanager time interval of each window. */
  intervalPrefix: 'maintenance-',
} as const;

/** The scale-out topology (`scale_out`): regional agents, a central store, vmalert, clustered Alertmanagers. */
export const SCALE_OUT_DEFAULTS = {
  /** Prometheus' own default. */
  batchSendDeadline: duration(5),
  /** An agent stopped while the store is down otherwise waits up to 1m in "Stopping remote storage". */
  flushDeadline: duration(2),
  rulesDir: '/etc/prometheus/rules',
  alertmanagerConfig: '/etc/alertmanager/alertmanager.yml',
  /** VictoriaMetrics' 30s default delays every vmalert evaluation by 30s. */
  storeLatencyOffset: duration(2),
  /**
   * vmalert's `-datasource.queryStep` (how old a sample may be and still count):
   * after a store outage vmalert evaluates before the agents have resent the
   * newest samples, and a shorter look-behind resolves every firing alert.
   */
  outageTolerance: duration(120),
  /**
   * vmalert's `-rule.resendDelay` floor: with the default, a store outage
   * resolves every firing alert after ~20s and re-fires it on recovery.
   */
  resendDelay: duration(30),
  /** Alertmanager's `--cluster.settle-timeout` (10s by default). */
  settleTimeout: duration(2),
  /** Alertmanager's `--cluster.peer-timeout` ceiling (its own default). */
  peerTimeout: duration(15),
} as const;
