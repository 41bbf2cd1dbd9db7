/**
 * Webhooks / Overview: is delivery healthy right now, across endpoints?
 * Every alert-related panel carries its alert's threshold and runbook.
 */
import { ALERT_NAMES, LABEL, METRICS, promql } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { DashboardSpec, PanelSpec } from './model.js';
import { attemptRate, errorBudgetRemaining, failureRatio, rateLimitHeadroom, retryRatio, successRatio, syntheticAvailability } from '../queries/index.js';
import { BY_ENDPOINT, EP, EP_ET, EP_REGION, RANGE, W } from './matchers.js';
import { NEUTRAL, lowerLimit, perEndpoint, sloThresholds, upperLimit } from './thresholds.js';

const { histogramQuantile, selector, sumBy } = promql;

/** Alerts the "firing alerts" stat counts: all of hookwatch's except the always-firing Watchdog and the never-notified outage inhibitor. */
const COUNTED_ALERTS = ALERT_NAMES.filter((a) => a !== 'Watchdog' && a !== 'WebhookOutageInhibitor');

/** A per-endpoint share (0–1) over time, legended by endpoint so per-endpoint thresholds apply. */
function share(bound: { min: 0 } | { max: 1 }, spec: Pick<PanelSpec, 'title' | 'description' | 'thresholds' | 'alerts'>, expr: string): PanelSpec {
  return { kind: 'timeseries', unit: 'percentunit', decimals: 2, width: 8, height: 8, ...bound, ...spec, queries: [{ expr, legend: BY_ENDPOINT }] };
}

function ratios(config: Config): PanelSpec[] {
  const d = config.alerts.defaults;
  return [
    share({ max: 1 }, {
      title: 'Delivery success rate',
      description: 'Share of delivery attempts answered 2xx, per endpoint. The line is each endpoint\'s SLO success ratio.',
      thresholds: sloThresholds(config), alerts: ['WebhookErrorBudgetBurn'],
    }, successRatio(EP_ET, W)),
    share({ min: 0 }, {
      title: 'Error rate',
      description: 'Share of delivery attempts that failed, per endpoint. The line is the failure-rate alert threshold.',
      thresholds: perEndpoint(config, d.failureRate.threshold, (e) => e.thresholds.failureRate.threshold, upperLimit),
      alerts: ['WebhookHighFailureRate'],
    }, failureRatio(EP_ET, W)),
    share({ min: 0 }, {
      title: 'Retry rate',
      description: 'Share of delivery attempts that were retries, per endpoint. The line is the retry-rate alert threshold.',
      thresholds: perEndpoint(config, d.retryRate.threshold, (e) => e.thresholds.retryRate.threshold, upperLimit),
      alerts: ['WebhookHighRetryRate'],
    }, retryRatio(EP_ET, W)),
  ];
}

function traffic(config: Config): PanelSpec[] {
  const d = config.alerts.defaults;
  return [
    share({ max: 1 }, {
      title: 'Synthetic availability',
      description: 'Share of successful synthetic probes (all checks and regions), per endpoint. The line is each endpoint\'s SLO.',
      thresholds: sloThresholds(config), alerts: ['WebhookEndpointDown'],
    }, syntheticAvailability(EP_REGION, W)),
    {
      kind: 'timeseries', title: 'Response time p50 / p95 / p99', unit: 's', decimals: 3, width: 8, height: 8, min: 0,
      description: 'Response time of delivery attempts across the selected endpoints. Orange is the p95 warning limit, red the failing limit.',
      thresholds: { steps: upperLimit(d.responseTime.failP95Seconds, d.responseTime.p95Seconds), show: true },
      alerts: ['WebhookResponseTimeDegraded'],
      queries: [0.5, 0.95, 0.99].map((q) => ({ expr: histogramQuantile(q, METRICS.deliveryDuration, EP_ET, W), legend: `p${q * 100}` })),
    },
    {
      kind: 'timeseries', title: 'Throughput', unit: 'reqps', decimals: 2, width: 8, height: 8, min: 0, stacked: true,
      description: 'Delivery attempts per second, per endpoint.',
      thresholds: NEUTRAL,
      queries: [{ expr: attemptRate(EP_ET, W), legend: BY_ENDPOINT }],
    },
  ];
}

function limits(config: Config): PanelSpec[] {
  const d = config.alerts.defaults;
  return [
    {
      kind: 'timeseries', title: 'DLQ depth', unit: 'short', decimals: 0, width: 6, height: 8, min: 0,
      description: 'Events in the dead-letter queue, per endpoint. The line is the DLQ alert limit.',
      thresholds: perEndpoint(config, d.dlq.maxDepth, (e) => e.thresholds.dlq.maxDepth, upperLimit),
      alerts: ['WebhookDLQGrowing'],
      queries: [{ expr: sumBy([LABEL.endpoint], selector(METRICS.dlqDepth, EP)), legend: BY_ENDPOINT }],
    },
    {
      kind: 'timeseries', title: 'Rate-limit headroom', unit: 'percentunit', decimals: 1, width: 6, height: 8, min: 0, max: 1,
      description: 'Requests remaining in the receiver\'s rate-limit window as a share of its quota, per endpoint. Below the line the alert fires.',
      thresholds: perEndpoint(config, d.rateLimit.remainingRatio, (e) => e.thresholds.rateLimit.remainingRatio, lowerLimit),
      alerts: ['WebhookRateLimitApproaching'],
      queries: [{ expr: rateLimitHeadroom(EP), legend: BY_ENDPOINT }],
    },
    {
      kind: 'stat', title: 'Error budget remaining', unit: 'percentunit', decimals: 1, width: 8, height: 8,
      description: 'Share of each endpoint\'s error budget (1 − SLO) left over the selected time range. Red: exhausted.',
      thresholds: { steps: lowerLimit(0), show: false }, alerts: ['WebhookErrorBudgetBurn'],
      queries: [{ expr: errorBudgetRemaining(config.endpoints, EP, RANGE), legend: BY_ENDPOINT, instant: true }],
    },
    {
      kind: 'stat', title: 'Firing alerts', unit: 'short', decimals: 0, width: 4, height: 8,
      description: 'hookwatch alerts firing now (Watchdog and WebhookOutageInhibitor excluded).',
      thresholds: { steps: upperLimit(1), show: false }, alerts: COUNTED_ALERTS,
      queries: [{ expr: `count(${promql.firingAlerts(COUNTED_ALERTS)}) or vector(0)`, legend: 'firing', instant: true }],
    },
  ];
}

/** The Overview dashboard for a config. */
export function overview(config: Config): DashboardSpec {
  return {
    key: 'overview',
    description: 'Health of webhook delivery across endpoints: success, errors, retries, probes, latency, DLQ, rate limits, error budget.',
    variables: ['endpoint', 'event_type', 'region'],
    sections: [
      { title: 'Delivery', panels: ratios(config) },
      { title: 'Availability and latency', panels: traffic(config) },
      { title: 'Limits and budget', panels: limits(config) },
    ],
  };
}
