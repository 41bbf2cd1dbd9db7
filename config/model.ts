/**
 * The validated, normalised config the core receives: defaults applied,
 * per-endpoint overrides merged, schedules resolved per check. Frozen.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Check } from '../catalog/index.js';
import { ALERT_DEFAULTS, NOTIFY_DEFAULTS, PROBER_DEFAULTS } from './defaults.js';
import type { Duration } from './duration.js';
import type { RawConfig } from './schema/root.js';
import type { SigningConfig as RawSigningConfig } from './schema/signing.js';
import type { ListenAddress } from './schema/common.js';
import type { Faults } from './schema/faults.js';

export type { ListenAddress, Duration, Faults };

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
  readonly slo: { readonly successRatio: number; readonly latencyP95Seconds: number };
  readonly headers: Readonly<Record<string, string>>;
  readonly followRedirects: boolean;
  readonly tls: { readonly insecureSkipVerify: boolean; readonly caFile?: string; readonly serverName?: string };
  readonly checks: Readonly<Record<Check, CheckConfig>>;
  readonly team?: string;
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

export interface Config {
  /** Absolute path of the file it was read from (or a label for inline configs). */
  readonly file: string;
  readonly endpoints: readonly EndpointConfig[];
  readonly prober: ProberConfig;
  readonly exporter: RawConfig['exporter'];
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
}

type ThresholdsInput = RawConfig['alerts'];

function mergeThresholds(base: Thresholds, o: Partial<Pick<ThresholdsInput, 'failure_rate' | 'endpoint_down' | 'response_time' | 'dlq' | 'rate_limit' | 'retry_rate' | 'signature' | 'tls'>> = {}): Thresholds {
  return {
    failureRate: {
      threshold: o.failure_rate?.threshold ?? base.failureRate.threshold,
      for: o.failure_rate?.for ?? base.failureRate.for,
      window: o.failure_rate?.window ?? base.failureRate.window,
      minRatePerSecond: o.failure_rate?.min_rate_per_second ?? base.failureRate.minRatePerSecond,
    },
    endpointDown: {
      for: o.endpoint_down?.for ?? base.endpointDown.for,
      minRegions: o.endpoint_down?.min_regions ?? base.endpointDown.minRegions,
    },
    responseTime: {
      p95Seconds: o.response_time?.p95_seconds ?? base.responseTime.p95Seconds,
      failP95Seconds: o.response_time?.fail_p95_seconds ?? base.responseTime.failP95Seconds,
      degradationFactor: o.response_time?.degradation_factor ?? base.responseTime.degradationFactor,
      for: o.response_time?.for ?? base.responseTime.for,
    },
    dlq: {
      maxDepth: o.dlq?.max_depth ?? base.dlq.maxDepth,
      growthFor: o.dlq?.growth_for ?? base.dlq.growthFor,
    },
    rateLimit: {
      remainingRatio: o.rate_limit?.remaining_ratio ?? base.rateLimit.remainingRatio,
      for: o.rate_limit?.for ?? base.rateLimit.for,
    },
    retryRate: {
      threshold: o.retry_rate?.threshold ?? base.retryRate.threshold,
      for: o.retry_rate?.for ?? base.retryRate.for,
    },
    signature: { for: o.signature?.for ?? base.signature.for },
    tls: {
      warningDays: o.tls?.warning_days ?? base.tls.warningDays,
      criticalDays: o.tls?.critical_days ?? base.tls.criticalDays,
    },
  };
}

const DEFAULT_THRESHOLDS: Thresholds = {
  failureRate: ALERT_DEFAULTS.failureRate,
  endpointDown: ALERT_DEFAULTS.endpointDown,
  responseTime: ALERT_DEFAULTS.responseTime,
  dlq: ALERT_DEFAULTS.dlq,
  rateLimit: ALERT_DEFAULTS.rateLimit,
  retryRate: ALERT_DEFAULTS.retryRate,
  signature: ALERT_DEFAULTS.signature,
  tls: ALERT_DEFAULTS.tls,
};

type RawCheck = { enabled?: boolean; schedule?: string; interval?: Duration; timeout_seconds?: number; expect?: Partial<Expectations>; body?: string; method?: 'POST' | 'PUT' };

/** Turns the validated YAML into the model the core uses. */
export function normalize(raw: RawConfig, file: string): Config {
  // Relative paths resolve against the config file's folder, as Prometheus does.
  const base = dirname(file);
  const path = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  const defaults = mergeThresholds(DEFAULT_THRESHOLDS, raw.alerts);
  const globalSchedule: Schedule = raw.prober.interval
    ? { kind: 'interval', every: raw.prober.interval }
    : { kind: 'cron', expr: raw.prober.schedule ?? PROBER_DEFAULTS.schedule };

  const endpoints = raw.endpoints.map((e): EndpointConfig => {
    const timeout = e.timeout_seconds ?? raw.prober.timeout_seconds;
    const check = (kind: Check, c: RawCheck | undefined, enabledByDefault: boolean, defaultStatus: (number | string)[], method: CheckConfig['method']): CheckConfig => ({
      kind,
      enabled: c?.enabled ?? enabledByDefault,
      schedule: c?.interval ? { kind: 'interval', every: c.interval } : c?.schedule ? { kind: 'cron', expr: c.schedule } : globalSchedule,
      timeoutSeconds: c?.timeout_seconds ?? timeout,
      expect: { ...c?.expect, status: c?.expect?.status ?? defaultStatus },
      ...(c?.body !== undefined ? { body: c.body } : {}),
      method: c?.method ?? method,
    });
    return {
      name: e.name,
      url: e.url,
      ...(e.health_url ? { healthUrl: e.health_url } : {}),
      events: e.events,
      ...(e.signing && e.signing.scheme !== 'none' ? { signing: e.signing as SigningConfig } : {}),
      slo: { successRatio: e.slo.success_ratio, latencyP95Seconds: e.slo.latency_p95_seconds },
      headers: e.headers,
      followRedirects: e.follow_redirects,
      tls: { insecureSkipVerify: e.tls.insecure_skip_verify, ...(e.tls.ca_file ? { caFile: path(e.tls.ca_file) } : {}), ...(e.tls.server_name ? { serverName: e.tls.server_name } : {}) },
      checks: {
        delivery: check('delivery', e.checks.delivery, true, ['2xx'], 'POST'),
        health: { ...check('health', e.checks.health, e.health_url !== undefined, ['2xx'], 'GET'), method: 'GET' },
        signature_enforcement: check('signature_enforcement', e.checks.signature_enforcement, false, ['4xx'], 'POST'),
      },
      ...(e.team ? { team: e.team } : {}),
      thresholds: mergeThresholds(defaults, e.alerts),
      hasOverrides: e.alerts !== undefined && Object.values(e.alerts).some((v) => v !== undefined),
    };
  });

  const byName = new Map(endpoints.map((e) => [e.name, e]));
  const routes = raw.notify.routes ?? {};
  return deepFreeze({
    file,
    endpoints,
    prober: {
      region: raw.prober.region,
      listen: raw.prober.listen,
      bodyLimitBytes: raw.prober.body_limit_bytes,
      userAgent: raw.prober.user_agent,
      historySize: raw.prober.history_size,
    },
    exporter: raw.exporter,
    alerts: {
      defaults,
      exporterStalledFor: raw.alerts.exporter_stalled_for ?? ALERT_DEFAULTS.exporterStalledFor,
      absentFor: raw.alerts.absent_for ?? ALERT_DEFAULTS.absentFor,
      scrapeInterval: raw.alerts.scrape_interval ?? ALERT_DEFAULTS.scrapeInterval,
      evaluationInterval: raw.alerts.evaluation_interval ?? ALERT_DEFAULTS.evaluationInterval,
      ...(raw.alerts.runbook_base_url ? { runbookBaseUrl: raw.alerts.runbook_base_url } : {}),
    },
    notify: {
      ...resolveFilePaths(raw.notify, path),
      groupWait: raw.notify.group_wait ?? NOTIFY_DEFAULTS.groupWait,
      groupInterval: raw.notify.group_interval ?? NOTIFY_DEFAULTS.groupInterval,
      repeatInterval: raw.notify.repeat_interval ?? NOTIFY_DEFAULTS.repeatInterval,
      resolvedRoutes: {
        critical: routes.critical ?? NOTIFY_DEFAULTS.routes.critical.filter((r) => (raw.notify as Record<string, unknown>)[r] !== undefined),
        warning: routes.warning ?? NOTIFY_DEFAULTS.routes.warning.filter((r) => (raw.notify as Record<string, unknown>)[r] !== undefined),
        info: routes.info ?? [],
      },
    },
    grafana: raw.grafana,
    receivers: raw.receivers.map((r): ReceiverConfig => ({
      endpoint: byName.get(r.endpoint)!,
      listen: r.listen,
      ...(r.log ? { log: path(r.log) } : {}),
      idempotency: { store: r.idempotency.store, ...(r.idempotency.path ? { path: path(r.idempotency.path) } : {}), ttlSeconds: r.idempotency.ttl.seconds, maxEntries: r.idempotency.max_entries },
      processing: {
        concurrency: r.processing.concurrency,
        queueLimit: r.processing.queue_limit,
        maxAttempts: r.processing.max_attempts,
        backoffSeconds: r.processing.backoff.seconds,
        maxBackoffSeconds: r.processing.max_backoff.seconds,
        ...(r.processing.dlq_replay_interval ? { dlqReplayIntervalSeconds: r.processing.dlq_replay_interval.seconds } : {}),
      },
      handlers: r.handlers,
      faults: r.faults,
      admin: r.admin,
    })),
    ...(raw.simulator ? {
      simulator: {
        ratePerSecond: raw.simulator.rate_per_second,
        endpoints: (raw.simulator.endpoints ?? endpoints.map((e) => e.name)).map((n) => byName.get(n)!),
        timeoutSeconds: raw.simulator.timeout_seconds,
        retry: { delaysSeconds: raw.simulator.retry.schedule.map((d) => d.seconds), jitter: raw.simulator.retry.jitter },
        log: { path: path(raw.simulator.log.path), maxBytes: raw.simulator.log.max_bytes, keep: raw.simulator.log.keep },
      },
    } : {}),
  });
}

/**
 * Alertmanager resolves a relative `*_file` against its own config file, not
 * against hookwatch's: so every `*_file` of notify is made absolute here.
 */
function resolveFilePaths<T extends object>(notify: T, path: (p: string) => string): T {
  const out: Record<string, unknown> = { ...(notify as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([f, x]) => [f, f.endsWith('_file') && typeof x === 'string' ? path(x) : x]));
    }
  }
  return out as T;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o) && !(o.constructor && o.constructor.name === 'Secret')) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
