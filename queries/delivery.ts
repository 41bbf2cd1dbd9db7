/**
 * SLIs of real deliveries, from the exporter's counters: traffic, success,
 * failure and retry ratios, response time, rate-limit headroom and what is
 * left of an SLO's error budget. Each takes label matchers and a window:
 * dashboards pass Grafana variables and `$__rate_interval`, alert and
 * recording rules pass endpoint scopes and fixed windows.
 */
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { MatchValue } from '../catalog/promql.js';
import { round } from '../output/index.js';

const { aggregate, constantsBy, histogramQuantile, increase, rate, ratio, selector, sumBy } = promql;
const BY_ENDPOINT = [LABEL.endpoint] as const;

/** Matchers on the labels every delivery counter has. */
export type DeliveryMatch = Partial<Record<typeof LABEL.endpoint | typeof LABEL.eventType, MatchValue>>;

/** Delivery attempts per second, per endpoint. */
export function attemptRate(match: DeliveryMatch, window: string): string {
  return sumBy(BY_ENDPOINT, rate(METRICS.deliveries, match, window));
}

/** Share of delivery attempts answered 2xx, per endpoint. */
export function successRatio(match: DeliveryMatch, window: string): string {
  return ratio(sumBy(BY_ENDPOINT, rate(METRICS.deliveries, { ...match, status_class: '2xx' }, window)), attemptRate(match, window));
}

/** Share of delivery attempts that failed, per endpoint: the SLO error ratio and what WebhookHighFailureRate judges. */
export function failureRatio(match: DeliveryMatch, window: string): string {
  return ratio(sumBy(BY_ENDPOINT, rate(METRICS.deliveryFailures, match, window)), attemptRate(match, window));
}

/** Share of delivery attempts that were retries, per endpoint. */
export function retryRatio(match: DeliveryMatch, window: string): string {
  return ratio(sumBy(BY_ENDPOINT, rate(METRICS.deliveryRetries, match, window)), attemptRate(match, window));
}

/** p95 response time of delivery attempts, per endpoint. */
export function responseTimeP95(match: DeliveryMatch, window: string): string {
  return histogramQuantile(0.95, METRICS.deliveryDuration, match, window, [LABEL.endpoint]);
}

/** Rate-limit headroom (remaining / limit) from delivery logs, lowest per endpoint. */
export function rateLimitHeadroom(match: Pick<DeliveryMatch, 'endpoint'>): string {
  return aggregate('min', BY_ENDPOINT, `${selector(METRICS.rateLimitRemaining, match)} / ${selector(METRICS.rateLimitLimit, match)}`);
}

/** Error budget of an SLO: the failure ratio it allows, 1 − success ratio. */
export function errorBudget(slo: number): number {
  return round(1 - slo);
}

/** An endpoint with its success SLO (a configured endpoint fits). */
export interface SloOf {
  readonly name: string;
  readonly slo: { readonly successRatio: number };
}

/**
 * Error budget left over `window` per endpoint: 1 − (failure ratio ÷ allowed
 * failure ratio), each endpoint divided by its own budget.
 */
export function errorBudgetRemaining(endpoints: readonly SloOf[], match: Pick<DeliveryMatch, 'endpoint'>, window: string): string {
  const failed = sumBy(BY_ENDPOINT, increase(METRICS.deliveryFailures, match, window));
  const total = sumBy(BY_ENDPOINT, increase(METRICS.deliveries, match, window));
  const budgets = constantsBy(LABEL.endpoint, endpoints.map((e) => [e.name, errorBudget(e.slo.successRatio)] as const));
  return `1 - (${ratio(failed, total)}) / on (${LABEL.endpoint}) (${budgets})`;
}
