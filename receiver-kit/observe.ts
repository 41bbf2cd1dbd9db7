/**
 * Where the outcome of one event goes: the catalog's receiver-side metrics
 * on a prom-client registry the caller owns, and/or `processed` records in a
 * delivery log the exporter reads. Both give the same series (the exporter
 * counts `processed` records into the same names and labels), so the
 * dashboards' receiver panels and the alerts read them unchanged.
 */
import type { Histogram, Counter, Registry } from 'prom-client';
import { METRICS, PROCESSED_STATUSES, type ProcessedStatus } from '../catalog/index.js';
import { createMetric } from '../daemon/catalog-metric.js';
import { isoTime, RotatingLogWriter, type LogWriter } from './delivery-log.js';

export interface Outcome {
  readonly endpoint: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly requestId: string;
  readonly status: ProcessedStatus;
  /** How long the handler ran. */
  readonly seconds: number;
  /** Unix seconds when the event was created, when known. */
  readonly createdAt?: number;
  /** Unix seconds now. */
  readonly now: number;
  readonly error?: string;
}

export interface Sink {
  record(o: Outcome): void;
  close(): void;
}

/** The metric families the library registers, by catalog key. */
export const RECEIVER_METRICS = [METRICS.eventsProcessed, METRICS.processing, METRICS.endToEnd] as const;

/** A metric of this name on the registry already (a second middleware): reused, not registered twice. */
function metricOn<T>(registry: Registry, def: (typeof RECEIVER_METRICS)[number]): T {
  return (registry.getSingleMetric(def.name) ?? createMetric(def, registry)) as T;
}

export function registrySink(registry: Registry): Sink {
  const processed = metricOn<Counter<string>>(registry, METRICS.eventsProcessed);
  const processing = metricOn<Histogram<string>>(registry, METRICS.processing);
  const endToEnd = metricOn<Histogram<string>>(registry, METRICS.endToEnd);
  const known = new Set<string>();
  return {
    record(o) {
      const ee = { endpoint: o.endpoint, event_type: o.eventType };
      const key = `${o.endpoint}\0${o.eventType}`;
      if (!known.has(key)) {
        // Every status from 0, so the first failure of a type shows as an increase.
        known.add(key);
        for (const status of PROCESSED_STATUSES) processed.inc({ ...ee, status }, 0);
      }
      processed.inc({ ...ee, status: o.status });
      // A duplicate is observed at 0 s, as the exporter does with its `processing_ms: 0`: both ways give one series.
      processing.observe(ee, o.status === 'duplicate' ? 0 : o.seconds);
      if (o.status === 'success' && o.createdAt !== undefined) endToEnd.observe(ee, Math.max(0, o.now - o.createdAt));
    },
    close() {},
  };
}

const ms = (s: number): number => Math.round(s * 1e6) / 1e3;

/** `processed` records (docs/delivery-log.md); `created_at` rides along for readers that want it. */
export function logSink(log: string | LogWriter): Sink {
  const writer = typeof log === 'string' ? new RotatingLogWriter({ path: log, maxBytes: 50 * 1024 * 1024, keep: 2 }) : log;
  return {
    record(o) {
      writer.write({
        ts: isoTime(o.now), kind: 'processed', endpoint: o.endpoint, event_id: o.eventId, event_type: o.eventType,
        status: o.status, processing_ms: o.status === 'duplicate' ? 0 : ms(o.seconds), request_id: o.requestId,
        ...(o.createdAt !== undefined ? { created_at: isoTime(o.createdAt) } : {}),
        ...(o.error !== undefined ? { error: o.error } : {}),
      });
    },
    close: () => writer.close(),
  };
}
