/**
 * Webhooks / Endpoint: one endpoint in depth, chosen by the `endpoint`
 * variable (single value). Synthetic and real traffic share the label, so
 * both sides sit on one page.
 */
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { DashboardSpec, PanelSpec, Step } from './model.js';
import { probeFailureRate, probePhaseSeconds, rateLimitHeadroom, responseTimeP95 } from '../queries/index.js';
import { BY_ENDPOINT, EP, EP_ET, EP_REGION, W } from './matchers.js';
import { NEUTRAL, lowerLimit, perEndpoint, upperLimit } from './thresholds.js';

const { histogramQuantile, rate, selector, sumBy } = promql;
const DELIVERY = { ...EP_REGION, check: 'delivery' } as const;

/** 0 (no response) and 4xx/5xx red, 2xx green, 3xx orange. */
const STATUS_STEPS: Step[] = [
  { value: null, color: 'red' }, { value: 200, color: 'green' }, { value: 300, color: 'orange' }, { value: 400, color: 'red' },
];

function synthetic(config: Config): PanelSpec[] {
  const t = config.alerts.defaults;
  const compact = config.prober.metrics === 'compact';
  return [
    {
      kind: 'timeseries', title: compact ? 'Probe phases (last probe)' : 'Probe phases p95', unit: 's', decimals: 3, width: 12, height: 8, min: 0, stacked: true,
      description: compact
        ? 'Each request phase of the last delivery probe (dns, connect, tls, ttfb, transfer), stacked, highest across regions (compact metrics: no phase histograms).'
        : 'p95 of each request phase of the delivery probe (dns, connect, tls, ttfb, transfer), stacked.',
      thresholds: NEUTRAL,
      queries: [{ expr: probePhaseSeconds(config.prober.metrics, DELIVERY, W, 0.95), legend: `{{${LABEL.phase}}}` }],
    },
    {
      kind: 'timeseries', title: 'Probe duration p95', unit: 's', decimals: 3, width: 6, height: 8, min: 0,
      description: `p95 of whole probes, per check. Orange is the p95 warning limit, red the failing limit.${compact ? ' Compact metrics: buckets only at the config\'s latency thresholds, so between them the p95 is interpolated.' : ''}`,
      thresholds: { steps: upperLimit(t.responseTime.failP95Seconds, t.responseTime.p95Seconds), show: true },
      alerts: ['WebhookResponseTimeDegraded'],
      queries: [{ expr: histogramQuantile(0.95, METRICS.probeDuration, EP_REGION, W, [LABEL.check]), legend: `{{${LABEL.check}}}` }],
    },
    {
      kind: 'stat', title: 'Last probe status', unit: 'none', decimals: 0, width: 6, height: 8,
      description: 'HTTP status of the last probe per check and region (0: no response).',
      thresholds: { steps: STATUS_STEPS, show: false }, alerts: ['WebhookEndpointDown'],
      queries: [{ expr: promql.aggregate('max', [LABEL.check, LABEL.region], selector(METRICS.probeStatusCode, EP_REGION)), legend: `{{${LABEL.check}}} {{${LABEL.region}}}`, instant: true }],
    },
  ];
}

function outcomes(config: Config): PanelSpec[] {
  return [
    {
      kind: 'timeseries', title: 'Status codes', unit: 'reqps', decimals: 2, width: 8, height: 8, min: 0, stacked: true,
      description: 'Delivery attempts per second by HTTP status class (none: no response).',
      thresholds: NEUTRAL,
      queries: [{ expr: sumBy([LABEL.statusClass], rate(METRICS.deliveries, EP_ET, W)), legend: `{{${LABEL.statusClass}}}` }],
    },
    {
      kind: 'timeseries', title: 'Failures by reason', unit: 'reqps', decimals: 2, width: 8, height: 8, min: 0, stacked: true,
      description: 'Failed delivery attempts per second by reason; synthetic probe results for comparison.',
      thresholds: NEUTRAL, alerts: ['WebhookHighFailureRate'],
      queries: [
        { expr: sumBy([LABEL.reason], rate(METRICS.deliveryFailures, EP_ET, W)), legend: `{{${LABEL.reason}}}` },
        { expr: probeFailureRate(config.prober.metrics, EP_REGION, W), legend: config.prober.metrics === 'compact' ? 'probe failed' : `probe {{${LABEL.result}}}` },
      ],
    },
    {
      kind: 'timeseries', title: 'Retries by attempt number', unit: 'reqps', decimals: 2, width: 8, height: 8, min: 0, stacked: true,
      description: 'Retries per second by attempt number (9+ grouped).',
      thresholds: NEUTRAL, alerts: ['WebhookHighRetryRate'],
      queries: [{ expr: sumBy([LABEL.attempt], rate(METRICS.deliveryRetries, EP_ET, W)), legend: `attempt {{${LABEL.attempt}}}` }],
    },
    {
      kind: 'timeseries', title: 'Final outcomes', unit: 'reqps', decimals: 2, width: 12, height: 8, min: 0, stacked: true,
      description: 'Events per second reaching a final outcome (sender side), and receiver-side processing outcomes.',
      thresholds: NEUTRAL,
      queries: [
        { expr: sumBy([LABEL.outcome], rate(METRICS.events, EP_ET, W)), legend: `{{${LABEL.outcome}}}` },
        { expr: sumBy([LABEL.status], rate(METRICS.eventsProcessed, EP_ET, W)), legend: `receiver {{${LABEL.status}}}` },
      ],
    },
    {
      kind: 'timeseries', title: 'DLQ moves', unit: 'ops', decimals: 2, width: 12, height: 8, min: 0,
      description: 'Events moved into and replayed out of the dead-letter queue, per second.',
      thresholds: NEUTRAL, alerts: ['WebhookDLQGrowing'],
      queries: [
        { expr: sumBy([], rate(METRICS.dlqEvents, EP_ET, W)), legend: 'moved in' },
        { expr: sumBy([], rate(METRICS.dlqReplayed, EP_ET, W)), legend: 'replayed' },
      ],
    },
  ];
}

function timings(config: Config): PanelSpec[] {
  const quantile = (m: typeof METRICS.endToEnd | typeof METRICS.queue | typeof METRICS.processing, name: string) =>
    ({ expr: histogramQuantile(0.95, m, EP_ET, W), legend: `${name} p95` });
  const slo = config.endpoints.map((e) => e.slo.latencyP95Seconds);
  return [
    {
      kind: 'timeseries', title: 'End-to-end, queue and processing time p95', unit: 's', decimals: 3, width: 12, height: 8, min: 0,
      description: 'p95 of created → delivered (retries included), queued → attempt started, and receiver processing.',
      thresholds: NEUTRAL,
      queries: [quantile(METRICS.endToEnd, 'end-to-end'), quantile(METRICS.queue, 'queue'), quantile(METRICS.processing, 'processing')],
    },
    {
      kind: 'timeseries', title: 'Response time p95', unit: 's', decimals: 3, width: 12, height: 8, min: 0,
      description: 'p95 response time of delivery attempts. The line is the endpoint\'s latency SLO.',
      thresholds: perEndpoint(config, Math.min(...slo), (e) => e.slo.latencyP95Seconds, upperLimit), alerts: ['WebhookResponseTimeDegraded'],
      queries: [{ expr: responseTimeP95(EP_ET, W), legend: BY_ENDPOINT }],
    },
  ];
}

function certificatesAndLimits(config: Config): PanelSpec[] {
  const t = config.alerts.defaults;
  const days = (expr: string) => `(${expr} - time()) / 86400`;
  const ago = (expr: string) => `time() - ${expr}`;
  const tlsSteps: Step[] = [{ value: null, color: 'red' }, { value: t.tls.criticalDays, color: 'orange' }, { value: t.tls.warningDays, color: 'green' }];
  return [
    {
      kind: 'stat', title: 'TLS certificate expires in', unit: 'd', decimals: 1, width: 6, height: 6,
      description: 'Days until the earliest certificate served by the endpoint expires. Orange and red are the TLS alert limits.',
      thresholds: { steps: tlsSteps, show: false }, alerts: ['WebhookTLSCertExpiring'],
      queries: [{ expr: days(promql.aggregate('min', [], selector(METRICS.probeTlsExpiry, EP))), legend: 'expires in', instant: true }],
    },
    {
      kind: 'stat', title: 'Since last success', unit: 's', decimals: 0, width: 6, height: 6,
      description: 'Time since the last successful probe and since the last successful real delivery.',
      thresholds: { steps: upperLimit(t.endpointDown.for.seconds), show: false }, alerts: ['WebhookEndpointDown'],
      queries: [
        { expr: ago(promql.aggregate('max', [], selector(METRICS.probeLastSuccess, EP))), legend: 'probe', instant: true },
        { expr: ago(promql.aggregate('max', [], selector(METRICS.lastDelivery, EP))), legend: 'delivery', instant: true },
      ],
    },
    {
      kind: 'timeseries', title: 'Rate-limit remaining', unit: 'percentunit', decimals: 1, width: 6, height: 6, min: 0, max: 1,
      description: 'Remaining requests as a share of the quota, from delivery logs and from probe responses. Below the line the alert fires.',
      thresholds: perEndpoint(config, t.rateLimit.remainingRatio, (e) => e.thresholds.rateLimit.remainingRatio, lowerLimit),
      alerts: ['WebhookRateLimitApproaching'],
      queries: [
        { expr: rateLimitHeadroom(EP), legend: BY_ENDPOINT },
        { expr: `${selector(METRICS.probeRateLimitRemaining, EP_REGION)} / ${selector(METRICS.probeRateLimitLimit, EP_REGION)}`, legend: `probe {{${LABEL.check}}} {{${LABEL.region}}}` },
      ],
    },
    {
      kind: 'timeseries', title: 'Rate-limit window reset', unit: 's', decimals: 0, width: 6, height: 6, min: 0,
      description: 'Seconds until the receiver\'s rate-limit window resets, from probe responses.',
      thresholds: NEUTRAL,
      queries: [{ expr: promql.aggregate('max', [LABEL.check, LABEL.region], selector(METRICS.probeRateLimitReset, EP_REGION)), legend: `{{${LABEL.check}}} {{${LABEL.region}}}` }],
    },
  ];
}

/** The Endpoint dashboard for a config. */
export function endpoint(config: Config): DashboardSpec {
  return {
    key: 'endpoint',
    description: 'One endpoint in depth: probe phases, status codes, failures, retries, timings, TLS expiry and rate limits.',
    variables: ['endpoint', 'event_type', 'region'],
    singleEndpoint: true,
    sections: [
      { title: 'Synthetic probes', panels: synthetic(config) },
      { title: 'Real deliveries', panels: outcomes(config) },
      { title: 'Timings', panels: timings(config) },
      { title: 'Certificates and rate limits', panels: certificatesAndLimits(config) },
    ],
  };
}
