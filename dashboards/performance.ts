/**
 * Webhooks / Performance: latency distribution and throughput by event type
 * (the seed project's performance dashboard, rebuilt on the catalog).
 */
import { LABEL, METRICS, promql, type MetricDef } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { DashboardSpec, PanelSpec } from './model.js';
import { EP_ET, W } from './matchers.js';
import { NEUTRAL, upperLimit } from './thresholds.js';

const { histogramAverage, histogramQuantile, rate, sumBy } = promql;
const BY_EVENT = `{{${LABEL.eventType}}}`;

/** p50/p95/p99 and the average of one latency histogram. */
function latency(m: MetricDef<'endpoint' | 'event_type'>, title: string, description: string, thresholds = NEUTRAL): PanelSpec {
  return {
    kind: 'timeseries', title, description, unit: 's', decimals: 3, width: 12, height: 8, min: 0, thresholds,
    queries: [
      ...[0.5, 0.95, 0.99].map((q) => ({ expr: histogramQuantile(q, m, EP_ET, W), legend: `p${q * 100}` })),
      { expr: histogramAverage(m, EP_ET, W), legend: 'average' },
    ],
  };
}

function latencies(config: Config): PanelSpec[] {
  const t = config.alerts.defaults.responseTime;
  return [
    latency(METRICS.endToEnd, 'End-to-end latency', 'Event created → delivered, retries included.'),
    {
      ...latency(METRICS.deliveryDuration, 'Delivery response time', 'Response time of one delivery attempt. Orange is the p95 warning limit, red the failing limit.',
        { steps: upperLimit(t.failP95Seconds, t.p95Seconds), show: true }),
      alerts: ['WebhookResponseTimeDegraded'],
    },
    latency(METRICS.queue, 'Queue time', 'Queued → delivery attempt started.'),
    latency(METRICS.processing, 'Processing time', 'Receiver-side processing of one event.'),
  ];
}

function throughput(): PanelSpec[] {
  return [
    {
      kind: 'timeseries', title: 'Throughput by event type', unit: 'reqps', decimals: 2, width: 12, height: 8, min: 0, stacked: true,
      description: 'Delivery attempts per second by event type.',
      thresholds: NEUTRAL,
      queries: [{ expr: sumBy([LABEL.eventType], rate(METRICS.deliveries, EP_ET, W)), legend: BY_EVENT }],
    },
    {
      kind: 'timeseries', title: 'End-to-end p95 by event type', unit: 's', decimals: 3, width: 12, height: 8, min: 0,
      description: 'p95 of created → delivered per event type: which events wait longest.',
      thresholds: NEUTRAL,
      queries: [{ expr: histogramQuantile(0.95, METRICS.endToEnd, EP_ET, W, [LABEL.eventType]), legend: BY_EVENT }],
    },
  ];
}

/** The Performance dashboard for a config. */
export function performance(config: Config): DashboardSpec {
  return {
    key: 'performance',
    description: 'Latency distributions (end-to-end, response, queue, processing) and throughput by event type.',
    variables: ['endpoint', 'event_type'],
    sections: [
      { title: 'Latency', panels: latencies(config) },
      { title: 'Throughput', panels: throughput() },
    ],
  };
}
