/**
 * The JSON behind the status page (`/api/status`): one entry per endpoint,
 * one row per enabled check, everything the page draws and nothing it
 * does not (no URLs, headers or signatures).
 */
import { DASHBOARDS, dashboardUrl, type DashboardKey } from '../catalog/index.js';
import { publicUrl, redactor, type Config } from '../config/index.js';
import { activeMaintenance, maintenanceMs, type ProbeTarget } from '../prober/index.js';
import { cadenceSeconds } from './cadence.js';
import type { CheckStatus, EndpointStatus, MaintenanceStatus, StatusModel, Tick } from './api-types.js';
import type { DeliveryWindow } from './delivery.js';
import type { StatusHistory } from './history.js';
import { latencySeries, round } from './latency.js';
import type { RingEntry } from './ring.js';
import { stateOf, worstState } from './state.js';
import { uptime } from './uptime.js';

/** Probes shown as ticks per row (the ring keeps more, for uptime). */
export const RECENT_TICKS = 60;
const HOUR = 3600;
const DAY = 86_400;

export interface ModelInput {
  readonly config: Config;
  readonly targets: readonly ProbeTarget[];
  readonly history: StatusHistory;
  /** Unix seconds. */
  readonly now: number;
  readonly version: string;
  readonly delivery?: DeliveryWindow;
}

/** The model without its endpoints and summary: known before any endpoint is built. */
export type StatusHead = Omit<StatusModel, 'endpoints' | 'summary'>;

/**
 * The model in parts, for a large fleet: `endpoints` builds one endpoint
 * at a time (its rings are read only then), and `summary` counts the
 * endpoints built so far, so it is complete once `endpoints` is.
 */
export interface StatusParts {
  readonly head: StatusHead;
  readonly endpoints: Generator<EndpointStatus, void, undefined>;
  readonly summary: StatusModel['summary'];
}

/** Builds the status model; every free-text field is masked against the config's secrets. */
export function buildStatus(input: ModelInput): StatusModel {
  const { head, endpoints, summary } = statusParts(input);
  const all = [...endpoints];
  const { generatedAt, version, region, historySize, history, links } = head;
  return { generatedAt, version, region, historySize, history, summary, links, endpoints: all };
}

/** The model's parts (see `StatusParts`); `buildStatus` puts them together. */
export function statusParts(input: ModelInput): StatusParts {
  const { config, history } = input;
  const grafana = config.grafana.url ? publicUrl(config.grafana.url) : '';
  const summary = { up: 0, degraded: 0, down: 0, unknown: 0, checks: 0, endpoints: 0 };
  // Grouped once: a filter per endpoint is quadratic in a fleet of 10,000.
  const byEndpoint = new Map<string, ProbeTarget[]>();
  for (const t of input.targets) {
    const list = byEndpoint.get(t.endpoint.name);
    if (list) list.push(t);
    else byEndpoint.set(t.endpoint.name, [t]);
  }
  let fastest = Infinity;
  for (const endpoint of config.endpoints) for (const t of byEndpoint.get(endpoint.name) ?? []) fastest = Math.min(fastest, cadenceSeconds(t.check.schedule));
  const head: StatusHead = {
    generatedAt: input.now,
    version: input.version,
    region: config.prober.region,
    historySize: history.capacity,
    history: {
      probesPerCheck: history.capacity,
      limitedBy: history.limitedByBudget ? 'memory_budget' : 'history_size',
      budgetBytes: history.limits.budgetBytes,
      bytesWhenFull: history.bytesWhenFull,
      spanSeconds: fastest === Infinity ? null : history.capacity * fastest,
    },
    links: {
      metrics: '/metrics',
      api: '/api/status',
      grafana: grafana ? (Object.keys(DASHBOARDS) as DashboardKey[]).map((k) => ({ title: DASHBOARDS[k].title, url: dashboardUrl(k, grafana) })) : [],
    },
  };
  return { head, endpoints: endpointsOf(input, byEndpoint, grafana, summary), summary };
}

function* endpointsOf(input: ModelInput, byEndpoint: ReadonlyMap<string, ProbeTarget[]>, grafana: string, summary: Record<keyof StatusModel['summary'], number>): Generator<EndpointStatus, void, undefined> {
  const { config, history, now } = input;
  const mask = redactor(config);
  const tick = (e: RingEntry): Tick => ({
    t: e.t, result: e.result, success: e.success, degraded: e.degraded, status: e.status, seconds: round(e.seconds), detail: mask(e.detail),
  });
  for (const endpoint of config.endpoints) {
    const targets = byEndpoint.get(endpoint.name) ?? [];
    if (!targets.length) continue;
    const checks = targets.map((t): CheckStatus => {
      const ring = history.ring(endpoint.name, t.check.kind);
      const verdict = stateOf(ring, t.check.kind);
      const last = ring?.newest(0);
      summary[verdict.state]++;
      summary.checks++;
      return {
        check: t.check.kind,
        state: verdict.state,
        reason: mask(verdict.reason),
        uptime: { hour: uptime(ring, now, HOUR), day: uptime(ring, now, DAY) },
        last: last ? { ...tick(last), phases: Object.fromEntries(Object.entries(last.phases).map(([p, s]) => [p, round(s)])) } : null,
        recent: ring ? ring.latest(RECENT_TICKS).map(tick) : [],
        historySeconds: history.capacity * cadenceSeconds(t.check.schedule),
      };
    });
    const rings = targets.flatMap((t) => history.ring(endpoint.name, t.check.kind) ?? []);
    summary.endpoints++;
    yield {
      name: endpoint.name,
      state: worstState(checks.map((c) => c.state)),
      checks,
      latency: latencySeries(rings, now, HOUR, Math.min(...targets.map((t) => cadenceSeconds(t.check.schedule)))),
      delivery: input.delivery?.stats(endpoint.name) ?? null,
      dashboard: grafana ? `${dashboardUrl('endpoint', grafana)}?var-endpoint=${encodeURIComponent(endpoint.name)}` : null,
      maintenance: maintenanceOf(config, endpoint.name, now),
    };
  }
}

/** When the endpoint is in maintenance, and how much of the uptime windows was. */
function maintenanceOf(config: Config, endpoint: string, now: number): MaintenanceStatus | null {
  if (!config.maintenance.some((w) => w.endpoints.includes(endpoint))) return null;
  const ms = now * 1000;
  const active = activeMaintenance(config.maintenance, endpoint, ms);
  return {
    active: active ? { windows: active.windows, until: active.until / 1000 } : null,
    hourSeconds: maintenanceMs(config.maintenance, endpoint, ms - HOUR * 1000, ms) / 1000,
    daySeconds: maintenanceMs(config.maintenance, endpoint, ms - DAY * 1000, ms) / 1000,
  };
}
