/**
 * Where each catalog metric is shown. The mapped type makes adding a metric
 * to the catalog a compile error here until someone decides: the dashboards
 * that show it, or `'internal'`. A unit test checks the decision against the
 * metric's `audience` and against the queries the dashboards really contain,
 * built for either `prober.metrics` mode (a metric of one mode only is shown in that one).
 */
import type { DashboardKey, MetricKey } from '../catalog/index.js';

/** At least one dashboard, or explicitly internal (never for `audience: 'user'`). */
export type Placement = readonly [DashboardKey, ...DashboardKey[]] | 'internal';

export const SHOWN_ON: { readonly [K in MetricKey]: Placement } = {
  probeUp: ['overview', 'synthetic'],
  probes: ['endpoint', 'synthetic'],
  probeDuration: ['endpoint', 'synthetic'],
  probePhase: ['endpoint', 'synthetic'],
  probeLastPhase: ['endpoint', 'synthetic'],
  probeStatusCode: ['endpoint'],
  probeLastSuccess: ['endpoint'],
  probeTlsExpiry: ['endpoint'],
  probeRateLimitRemaining: ['endpoint'],
  probeRateLimitLimit: ['endpoint'],
  probeRateLimitReset: ['endpoint'],
  maintenance: 'internal',
  deliveries: ['overview', 'endpoint', 'performance'],
  deliveryFailures: ['overview', 'endpoint'],
  deliveryRetries: ['overview', 'endpoint'],
  deliveryDuration: ['overview', 'endpoint', 'performance'],
  events: ['endpoint'],
  endToEnd: ['endpoint', 'performance'],
  queue: ['endpoint', 'performance'],
  processing: ['endpoint', 'performance'],
  eventsProcessed: ['endpoint'],
  dlqEvents: ['endpoint'],
  dlqReplayed: ['endpoint'],
  dlqDepth: ['overview'],
  rateLimitRemaining: ['overview', 'endpoint'],
  rateLimitLimit: ['overview', 'endpoint'],
  lastDelivery: ['endpoint'],
  buildInfo: 'internal',
  configReloads: ['self'],
  proberSkippedRuns: ['synthetic'],
  proberScheduleDrift: ['self'],
  proberLastDrift: ['self'],
  exporterLinesRead: ['self'],
  exporterBytesRead: 'internal',
  exporterRecords: 'internal',
  exporterParseErrors: ['self'],
  exporterSourceSize: ['self'],
  exporterSourceOffset: ['self'],
  exporterRotations: 'internal',
  exporterTruncations: 'internal',
  exporterCheckpointWrites: 'internal',
  exporterLastCheckpoint: ['self'],
  exporterLabelOverflow: ['self'],
  exporterLastEvent: ['self'],
  exporterIngestBatches: ['self'],
  processCpu: ['self'],
  processResidentMemory: ['self'],
  nodejsHeapUsed: ['self'],
  nodejsHeapTotal: ['self'],
  nodejsEventLoopLagP99: ['self'],
};
