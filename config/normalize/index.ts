/**
 * Turns the validated YAML into the model the core uses (./types.ts):
 * defaults applied, overrides merged, relative paths resolved once against
 * the config file's folder (as Prometheus does), names decided. Frozen.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { ALERT_DEFAULTS, NOTIFY_DEFAULTS } from '../defaults.js';
import type { RawConfig } from '../schema/root.js';
import type { Config, EndpointConfig, ReceiverConfig, SimulatorConfig } from '../types.js';
import { normalizeEndpoints } from './endpoints.js';
import { normalizeExporter } from './exporter.js';
import { durationBuckets } from './prober-metrics.js';
import { normalizeMaintenance } from './maintenance.js';
import { normalizeScaleOut } from './scale-out.js';
import { DEFAULT_THRESHOLDS, mergeThresholds } from './thresholds.js';

type PathOf = (p: string) => string;

export function normalize(raw: RawConfig, file: string): Config {
  const base = dirname(file);
  const path: PathOf = (p) => (isAbsolute(p) ? p : resolve(base, p));
  const defaults = mergeThresholds(DEFAULT_THRESHOLDS, raw.alerts);
  const endpoints = normalizeEndpoints(raw, defaults, path);
  const byName = new Map(endpoints.map((e) => [e.name, e]));
  const routes = raw.notify.routes ?? {};
  return deepFreeze(shareEqual({
    file,
    endpoints,
    prober: {
      region: raw.prober.region,
      listen: raw.prober.listen,
      bodyLimitBytes: raw.prober.body_limit_bytes,
      userAgent: raw.prober.user_agent,
      historySize: raw.prober.history_size,
      historyMemoryBytes: Math.floor(raw.prober.history_memory_mib * 2 ** 20),
      metrics: raw.prober.metrics,
      durationBuckets: durationBuckets(raw.prober.metrics, raw),
      shard: { index: raw.prober.shard.index, count: raw.prober.shard.count },
    },
    exporter: normalizeExporter(raw.exporter, path),
    components: { prober: raw.prober.enabled, exporter: raw.exporter.enabled ?? raw.exporter.sources.length > 0 },
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
    receivers: raw.receivers.map((r) => receiver(r, byName, path)),
    ...(raw.simulator ? { simulator: simulator(raw.simulator, endpoints, byName, path) } : {}),
    maintenance: normalizeMaintenance(raw.maintenance, endpoints.map((e) => e.name)),
    ...(raw.scale_out ? { scaleOut: normalizeScaleOut(raw.scale_out, path) } : {}),
  }));
}

function receiver(r: RawConfig['receivers'][number], byName: ReadonlyMap<string, EndpointConfig>, path: PathOf): ReceiverConfig {
  return {
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
  };
}

function simulator(s: NonNullable<RawConfig['simulator']>, endpoints: readonly EndpointConfig[], byName: ReadonlyMap<string, EndpointConfig>, path: PathOf): SimulatorConfig {
  return {
    ratePerSecond: s.rate_per_second,
    endpoints: (s.endpoints ?? endpoints.map((e) => e.name)).map((n) => byName.get(n)!),
    timeoutSeconds: s.timeout_seconds,
    retry: { delaysSeconds: s.retry.schedule.map((d) => d.seconds), jitter: s.retry.jitter },
    log: { path: path(s.log.path), maxBytes: s.log.max_bytes, keep: s.log.keep },
  };
}

/**
 * Alertmanager resolves a relative `*_file` against its own config file, not
 * against hookwatch's: so every `*_file` of notify is made absolute here.
 */
function resolveFilePaths<T extends object>(notify: T, path: PathOf): T {
  const out: Record<string, unknown> = { ...(notify as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([f, x]) => [f, f.endsWith('_file') && typeof x === 'string' ? path(x) : x]));
    }
  }
  return out as T;
}

/** Longest key a part may have to be shared; larger parts (whole endpoints) are unique anyway. */
const SHARE_KEY_MAX = 2048;

/**
 * Makes equal parts of the config one object: a fleet of 10,000 endpoints
 * on the default thresholds, SLO, schedules and expectations would hold
 * 10,000 equal copies of each (about 15 MiB of heap). Only plain objects
 * and arrays of primitives and of such parts are shared; a part holding
 * anything else (a `Secret`) keeps its own. Safe because the config is
 * frozen whole right after.
 */
function shareEqual<T>(root: T): T {
  const shared = new Map<string, object>();
  /** The value's key (its content), or undefined when it must not be shared; replaces its parts by shared ones. */
  const visit = (v: unknown): string | undefined => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string': return JSON.stringify(v);
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'boolean': return String(v);
      case 'undefined': return 'u';
      case 'object': break;
      default: return undefined;
    }
    const o = v as Record<string, unknown>;
    const proto = Object.getPrototypeOf(o) as unknown;
    const isArray = Array.isArray(o);
    if (!isArray && proto !== Object.prototype && proto !== null) return undefined;
    const frozen = Object.isFrozen(o);
    let key: string | undefined = isArray ? '[' : '{';
    for (const k of Object.keys(o)) {
      const value = o[k];
      const child = visit(value);
      if (child !== undefined && !frozen && typeof value === 'object' && value !== null) o[k] = shared.get(child);
      if (key === undefined || child === undefined) key = undefined;
      else key += `${isArray ? '' : `${JSON.stringify(k)}:`}${child},`;
      if (key !== undefined && key.length > SHARE_KEY_MAX) key = undefined;
    }
    if (key === undefined) return undefined;
    key += isArray ? ']' : '}';
    if (!shared.has(key)) shared.set(key, o);
    return key;
  };
  visit(root);
  return root;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o) && !(o.constructor && o.constructor.name === 'Secret')) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
