/** Endpoints: checks resolved (schedule, timeout, expectations), thresholds merged, paths absolute. */
import type { Check } from '../../catalog/index.js';
import { PROBER_DEFAULTS } from '../defaults.js';
import type { Duration } from '../duration.js';
import type { RawConfig } from '../schema/root.js';
import type { CheckConfig, EndpointConfig, Expectations, Schedule, SigningConfig, Thresholds } from '../types.js';
import { mergeThresholds } from './thresholds.js';

type RawCheck = { enabled?: boolean; schedule?: string; interval?: Duration; timeout_seconds?: number; expect?: Partial<Expectations>; body?: string; method?: 'POST' | 'PUT' };

export function normalizeEndpoints(raw: RawConfig, defaults: Thresholds, path: (p: string) => string): EndpointConfig[] {
  const globalSchedule: Schedule = raw.prober.interval
    ? { kind: 'interval', every: raw.prober.interval }
    : { kind: 'cron', expr: raw.prober.schedule ?? PROBER_DEFAULTS.schedule };

  return raw.endpoints.map((e): EndpointConfig => {
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
      slo: { successRatio: e.slo.success_ratio, latencyP95Seconds: e.slo.latency_p95_seconds, excludeMaintenance: e.slo.exclude_maintenance },
      headers: e.headers,
      followRedirects: e.follow_redirects,
      tls: { insecureSkipVerify: e.tls.insecure_skip_verify, ...(e.tls.ca_file ? { caFile: path(e.tls.ca_file) } : {}), ...(e.tls.server_name ? { serverName: e.tls.server_name } : {}) },
      checks: {
        delivery: check('delivery', e.checks.delivery, true, ['2xx'], 'POST'),
        health: { ...check('health', e.checks.health, e.health_url !== undefined, ['2xx'], 'GET'), method: 'GET' },
        signature_enforcement: check('signature_enforcement', e.checks.signature_enforcement, false, ['4xx'], 'POST'),
      },
      ...(e.team ? { team: e.team } : {}),
      metrics: e.metrics ?? raw.prober.metrics,
      thresholds: mergeThresholds(defaults, e.alerts),
      hasOverrides: e.alerts !== undefined && Object.values(e.alerts).some((v) => v !== undefined),
    };
  });
}
