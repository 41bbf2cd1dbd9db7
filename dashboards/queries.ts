/**
 * Query fragments shared by several dashboards, all built with the catalog's
 * PromQL helpers. Grafana macros stay in the text: `substituteGrafanaMacros`
 * turns them into durations for offline checks.
 */
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import { round } from '../output/index.js';

const { variable, rate, increase, sumBy, ratio, selector } = promql;

/** Window of rates on graphs: at least four scrapes, as Grafana computes it. */
export const W = '$__rate_interval';
/** The dashboard's time range, for whole-range stats. */
export const RANGE = '$__range';

/** Matchers for the dashboard variables. */
export const EP = { endpoint: variable(LABEL.endpoint) } as const;
export const EP_ET = { endpoint: variable(LABEL.endpoint), event_type: variable(LABEL.eventType) } as const;
export const EP_REGION = { endpoint: variable(LABEL.endpoint), region: variable(LABEL.region) } as const;

/** Legend of a per-endpoint series; per-endpoint threshold overrides match on it. */
export const BY_ENDPOINT = `{{${LABEL.endpoint}}}`;

/** Share of delivery attempts answered 2xx, per endpoint. */
export function successRatio(window: string = W): string {
  return ratio(
    sumBy([LABEL.endpoint], rate(METRICS.deliveries, { ...EP_ET, status_class: '2xx' }, window)),
    sumBy([LABEL.endpoint], rate(METRICS.deliveries, EP_ET, window)),
  );
}

/** Share of delivery attempts that failed, per endpoint (what WebhookHighFailureRate judges). */
export function failureRatio(window: string = W): string {
  return ratio(
    sumBy([LABEL.endpoint], rate(METRICS.deliveryFailures, EP_ET, window)),
    sumBy([LABEL.endpoint], rate(METRICS.deliveries, EP_ET, window)),
  );
}

/** Share of delivery attempts that were retries, per endpoint. */
export function retryRatio(): string {
  return ratio(
    sumBy([LABEL.endpoint], rate(METRICS.deliveryRetries, EP_ET, W)),
    sumBy([LABEL.endpoint], rate(METRICS.deliveries, EP_ET, W)),
  );
}

/** Probe availability (share of successful probes) per endpoint. */
export function syntheticAvailability(window: string = W): string {
  return promql.aggregate('avg', [LABEL.endpoint], `avg_over_time(${promql.range(METRICS.probeUp, EP_REGION, window)})`);
}

/** Rate-limit headroom (remaining / limit), lowest per endpoint, from delivery logs. */
export function rateLimitHeadroom(): string {
  return promql.aggregate('min', [LABEL.endpoint], `${selector(METRICS.rateLimitRemaining, EP)} / ${selector(METRICS.rateLimitLimit, EP)}`);
}

/**
 * Error budget left over the time range per endpoint: 1 − (failure ratio ÷
 * allowed failure ratio), where each endpoint's allowance is 1 − its SLO.
 */
export function errorBudgetRemaining(config: Config): string {
  const failed = sumBy([LABEL.endpoint], increase(METRICS.deliveryFailures, EP, RANGE));
  const total = sumBy([LABEL.endpoint], increase(METRICS.deliveries, EP, RANGE));
  const budgets = promql.constantsBy(LABEL.endpoint, config.endpoints.map((e) => [e.name, round(1 - e.slo.successRatio)] as const));
  return `1 - (${ratio(failed, total)}) / on (${LABEL.endpoint}) (${budgets})`;
}
