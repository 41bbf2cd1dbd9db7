import { LABEL as L } from './labels.js';
import { defineMetric } from './types.js';

/** Buckets for a single HTTP request: up to the platforms' timeouts (Svix 15 s, Stripe 30 s). */
export const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30] as const;
/** Buckets for one request phase: DNS, connect and TLS are usually milliseconds. */
export const PHASE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** Created → delivered covers the retry horizon: Svix's last attempt is ~27 h, Stripe's 3 days. */
export const END_TO_END_BUCKETS = [0.1, 0.5, 1, 5, 30, 60, 300, 1800, 7200, 18000, 36000, 86400, 259200] as const;
/** Queued → attempt started. */
export const QUEUE_BUCKETS = [0.001, 0.005, 0.025, 0.1, 0.5, 1, 5, 30, 60, 300, 1800, 7200] as const;
/** Receiver-side processing of one event. */
export const PROCESSING_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** Schedule drift of the prober: how late a run started. */
export const DRIFT_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] as const;

const SYNTH = [L.endpoint, L.check, L.region] as const;

/** One of prom-client's default metrics as both components serve it: its own name and help, labelled by component. */
function defaultMetric(name: string, type: 'counter' | 'gauge', unit: 'seconds' | 'bytes', help: string) {
  return defineMetric({ name, type, labels: [L.component], unit, audience: 'user', component: 'shared', origin: 'prom-client', help });
}

/**
 * Every metric hookwatch exposes. Keys are what code refers to; `name` is
 * what Prometheus sees.
 */
export const METRICS = {
  // --- synthetic (prober) -------------------------------------------------
  probeUp: defineMetric({
    name: 'webhook_probe_up', type: 'gauge', labels: SYNTH, audience: 'user', component: 'prober',
    help: '1 if the last probe of this endpoint and check succeeded, 0 otherwise.',
  }),
  probes: defineMetric({
    name: 'webhook_probes_total', type: 'counter', labels: [...SYNTH, L.result], audience: 'user', component: 'prober',
    help: 'Probes run, by result.',
  }),
  probeDuration: defineMetric({
    name: 'webhook_probe_duration_seconds', type: 'histogram', labels: SYNTH, unit: 'seconds',
    buckets: REQUEST_BUCKETS, audience: 'user', component: 'prober',
    help: 'Duration of a whole probe, from start to the end of the response body.',
  }),
  probePhase: defineMetric({
    name: 'webhook_probe_phase_seconds', type: 'histogram', labels: [...SYNTH, L.phase], unit: 'seconds',
    buckets: PHASE_BUCKETS, audience: 'user', component: 'prober',
    help: 'Duration of each request phase of a probe (dns, connect, tls, ttfb, transfer).',
  }),
  probeLastPhase: defineMetric({
    name: 'webhook_probe_last_phase_seconds', type: 'gauge', labels: [...SYNTH, L.phase], unit: 'seconds',
    audience: 'user', component: 'prober',
    help: 'Duration of each request phase of the last probe (dns, connect, tls, ttfb, transfer); compact metrics mode, as blackbox_exporter\'s probe_http_duration_seconds.',
  }),
  probeStatusCode: defineMetric({
    name: 'webhook_probe_http_status_code', type: 'gauge', labels: SYNTH, audience: 'user', component: 'prober',
    help: 'HTTP status of the last probe, 0 when no response was received.',
  }),
  probeLastSuccess: defineMetric({
    name: 'webhook_probe_last_success_timestamp_seconds', type: 'gauge', labels: SYNTH, unit: 'timestamp_seconds',
    audience: 'user', component: 'prober',
    help: 'Unix time of the last successful probe.',
  }),
  probeTlsExpiry: defineMetric({
    name: 'webhook_probe_tls_expiry_timestamp_seconds', type: 'gauge', labels: SYNTH, unit: 'timestamp_seconds',
    audience: 'user', component: 'prober',
    help: 'Unix time at which the earliest certificate of the served chain expires.',
  }),
  probeRateLimitRemaining: defineMetric({
    name: 'webhook_probe_rate_limit_remaining', type: 'gauge', labels: SYNTH, audience: 'user', component: 'prober',
    help: 'Requests remaining in the current window, from RateLimit-Remaining or X-RateLimit-Remaining.',
  }),
  probeRateLimitLimit: defineMetric({
    name: 'webhook_probe_rate_limit_limit', type: 'gauge', labels: SYNTH, audience: 'user', component: 'prober',
    help: 'Request quota of the current window, from RateLimit-Limit or X-RateLimit-Limit.',
  }),
  probeRateLimitReset: defineMetric({
    name: 'webhook_probe_rate_limit_reset_seconds', type: 'gauge', labels: SYNTH, unit: 'seconds',
    audience: 'user', component: 'prober',
    help: 'Seconds until the rate-limit window resets (RateLimit-Reset, X-RateLimit-Reset or Retry-After).',
  }),
  maintenance: defineMetric({
    name: 'webhook_maintenance', type: 'gauge', labels: [L.endpoint], audience: 'internal', component: 'prober',
    help: '1 while the endpoint is inside one of its configured maintenance windows, 0 otherwise (read by the burn-rate rules of SLOs that exclude maintenance).',
  }),

  // --- real traffic (exporter) --------------------------------------------
  deliveries: defineMetric({
    name: 'webhook_deliveries_total', type: 'counter', labels: [L.endpoint, L.eventType, L.statusClass],
    audience: 'user', component: 'exporter',
    help: 'Delivery attempts, by HTTP status class (none when no response was received).',
  }),
  deliveryFailures: defineMetric({
    name: 'webhook_delivery_failures_total', type: 'counter', labels: [L.endpoint, L.eventType, L.reason],
    audience: 'user', component: 'exporter',
    help: 'Delivery attempts that failed, by reason.',
  }),
  deliveryRetries: defineMetric({
    name: 'webhook_delivery_retries_total', type: 'counter', labels: [L.endpoint, L.eventType, L.attempt],
    audience: 'user', component: 'exporter',
    help: 'Delivery attempts after the first, by attempt number (9+ grouped).',
  }),
  deliveryDuration: defineMetric({
    name: 'webhook_delivery_duration_seconds', type: 'histogram', labels: [L.endpoint, L.eventType], unit: 'seconds',
    buckets: REQUEST_BUCKETS, audience: 'user', component: 'exporter',
    help: 'Response time of one delivery attempt.',
  }),
  events: defineMetric({
    name: 'webhook_events_total', type: 'counter', labels: [L.endpoint, L.eventType, L.outcome],
    audience: 'user', component: 'exporter',
    help: 'Events that reached a final outcome (delivered or dead_lettered).',
  }),
  endToEnd: defineMetric({
    name: 'webhook_end_to_end_seconds', type: 'histogram', labels: [L.endpoint, L.eventType], unit: 'seconds',
    buckets: END_TO_END_BUCKETS, audience: 'user', component: 'exporter',
    help: 'Time from event creation to successful delivery, retries included.',
  }),
  queue: defineMetric({
    name: 'webhook_queue_seconds', type: 'histogram', labels: [L.endpoint, L.eventType], unit: 'seconds',
    buckets: QUEUE_BUCKETS, audience: 'user', component: 'exporter',
    help: 'Time from being queued to the start of the delivery attempt.',
  }),
  processing: defineMetric({
    name: 'webhook_processing_seconds', type: 'histogram', labels: [L.endpoint, L.eventType], unit: 'seconds',
    buckets: PROCESSING_BUCKETS, audience: 'user', component: 'exporter',
    help: 'Receiver-side processing time of one event.',
  }),
  eventsProcessed: defineMetric({
    name: 'webhook_events_processed_total', type: 'counter', labels: [L.endpoint, L.eventType, L.status],
    audience: 'user', component: 'exporter',
    help: 'Events processed by the receiver, by status.',
  }),
  dlqEvents: defineMetric({
    name: 'webhook_dlq_events_total', type: 'counter', labels: [L.endpoint, L.eventType],
    audience: 'user', component: 'exporter',
    help: 'Events moved into the dead-letter queue.',
  }),
  dlqReplayed: defineMetric({
    name: 'webhook_dlq_replayed_total', type: 'counter', labels: [L.endpoint, L.eventType],
    audience: 'user', component: 'exporter',
    help: 'Events replayed out of the dead-letter queue.',
  }),
  dlqDepth: defineMetric({
    name: 'webhook_dlq_depth', type: 'gauge', labels: [L.endpoint],
    audience: 'user', component: 'exporter',
    help: 'Events in the dead-letter queue now.',
  }),
  rateLimitRemaining: defineMetric({
    name: 'webhook_rate_limit_remaining', type: 'gauge', labels: [L.endpoint],
    audience: 'user', component: 'exporter',
    help: 'Requests remaining in the rate-limit window, last seen in the delivery log.',
  }),
  rateLimitLimit: defineMetric({
    name: 'webhook_rate_limit_limit', type: 'gauge', labels: [L.endpoint],
    audience: 'user', component: 'exporter',
    help: 'Request quota of the rate-limit window, last seen in the delivery log.',
  }),
  lastDelivery: defineMetric({
    name: 'webhook_last_delivery_timestamp_seconds', type: 'gauge', labels: [L.endpoint], unit: 'timestamp_seconds',
    audience: 'user', component: 'exporter',
    help: 'Event time of the last successful delivery.',
  }),

  // --- self (hookwatch_) ---------------------------------------------------
  buildInfo: defineMetric({
    name: 'hookwatch_build_info', type: 'gauge', labels: [L.version, L.component],
    audience: 'internal', component: 'shared',
    help: 'Always 1; labels carry the hookwatch version and component.',
  }),
  configReloads: defineMetric({
    name: 'hookwatch_config_reloads_total', type: 'counter', labels: [L.result],
    audience: 'user', component: 'shared',
    help: 'Config reloads (SIGHUP), by result.',
  }),
  proberSkippedRuns: defineMetric({
    name: 'hookwatch_prober_skipped_runs_total', type: 'counter', labels: [L.endpoint, L.check, L.reason],
    audience: 'user', component: 'prober',
    help: 'Scheduled probe runs skipped (not queued) because the previous run was still going.',
  }),
  proberScheduleDrift: defineMetric({
    name: 'hookwatch_prober_schedule_drift_seconds', type: 'histogram', labels: [L.endpoint, L.check], unit: 'seconds',
    buckets: DRIFT_BUCKETS, audience: 'user', component: 'prober',
    help: 'How late a probe run started after its scheduled time.',
  }),
  proberLastDrift: defineMetric({
    name: 'hookwatch_prober_last_schedule_drift_seconds', type: 'gauge', labels: [L.endpoint, L.check], unit: 'seconds',
    audience: 'user', component: 'prober',
    help: 'How late the last probe run started after its scheduled time; compact metrics mode.',
  }),
  exporterLinesRead: defineMetric({
    name: 'hookwatch_exporter_lines_read_total', type: 'counter', labels: [L.source],
    audience: 'user', component: 'exporter',
    help: 'Complete lines read from a source.',
  }),
  exporterBytesRead: defineMetric({
    name: 'hookwatch_exporter_bytes_read_total', type: 'counter', labels: [L.source],
    audience: 'internal', component: 'exporter',
    help: 'Bytes read from a source.',
  }),
  exporterRecords: defineMetric({
    name: 'hookwatch_exporter_records_total', type: 'counter', labels: [L.source, L.kind],
    audience: 'internal', component: 'exporter',
    help: 'Records accepted, by kind (attempt, dlq, dlq_replay, processed).',
  }),
  exporterParseErrors: defineMetric({
    name: 'hookwatch_exporter_parse_errors_total', type: 'counter', labels: [L.source, L.reason],
    audience: 'user', component: 'exporter',
    help: 'Lines skipped because they could not be parsed, by reason.',
  }),
  exporterSourceSize: defineMetric({
    name: 'hookwatch_exporter_source_size_bytes', type: 'gauge', labels: [L.source], unit: 'bytes',
    audience: 'user', component: 'exporter',
    help: 'Size of the file a source follows (lag = size - offset).',
  }),
  exporterSourceOffset: defineMetric({
    name: 'hookwatch_exporter_source_offset_bytes', type: 'gauge', labels: [L.source], unit: 'bytes',
    audience: 'user', component: 'exporter',
    help: 'Offset up to which a source has been read and counted.',
  }),
  exporterRotations: defineMetric({
    name: 'hookwatch_exporter_rotations_total', type: 'counter', labels: [L.source],
    audience: 'internal', component: 'exporter',
    help: 'Rename-and-create rotations followed.',
  }),
  exporterTruncations: defineMetric({
    name: 'hookwatch_exporter_truncations_total', type: 'counter', labels: [L.source],
    audience: 'internal', component: 'exporter',
    help: 'Truncations (copytruncate) detected.',
  }),
  exporterCheckpointWrites: defineMetric({
    name: 'hookwatch_exporter_checkpoint_writes_total', type: 'counter', labels: [L.result],
    audience: 'internal', component: 'exporter',
    help: 'Checkpoint writes, by result.',
  }),
  exporterLastCheckpoint: defineMetric({
    name: 'hookwatch_exporter_last_checkpoint_timestamp_seconds', type: 'gauge', labels: [],
    unit: 'timestamp_seconds', audience: 'user', component: 'exporter',
    help: 'Unix time of the last successful checkpoint (age = time() - value).',
  }),
  exporterLabelOverflow: defineMetric({
    name: 'hookwatch_exporter_label_overflow_total', type: 'counter', labels: [L.label],
    audience: 'user', component: 'exporter',
    help: 'Records whose label value was replaced by "other" because the label reached its cap.',
  }),
  exporterIngestBatches: defineMetric({
    name: 'hookwatch_exporter_ingest_batches_total', type: 'counter', labels: [L.source, L.result],
    audience: 'user', component: 'exporter',
    help: 'HTTP ingest batches read, by result: applied (under a new Idempotency-Key), replayed (key already applied: not counted again), unkeyed (no key: at-least-once, a retry is counted again).',
  }),
  exporterLastEvent: defineMetric({
    name: 'hookwatch_exporter_last_event_timestamp_seconds', type: 'gauge', labels: [L.source],
    unit: 'timestamp_seconds', audience: 'user', component: 'exporter',
    help: 'Event time (ts) of the last record read from a source.',
  }),

  // --- process (prom-client's default metrics, labelled by component) ------
  processCpu: defaultMetric('process_cpu_seconds_total', 'counter', 'seconds', 'Total user and system CPU time spent in seconds.'),
  processResidentMemory: defaultMetric('process_resident_memory_bytes', 'gauge', 'bytes', 'Resident memory size in bytes.'),
  nodejsHeapUsed: defaultMetric('nodejs_heap_size_used_bytes', 'gauge', 'bytes', 'Process heap size used from Node.js in bytes.'),
  nodejsHeapTotal: defaultMetric('nodejs_heap_size_total_bytes', 'gauge', 'bytes', 'Process heap size from Node.js in bytes.'),
  nodejsEventLoopLagP99: defaultMetric('nodejs_eventloop_lag_p99_seconds', 'gauge', 'seconds', 'The 99th percentile of the recorded event loop delays.'),
} as const;

export type MetricKey = keyof typeof METRICS;
export type Metrics = typeof METRICS;
