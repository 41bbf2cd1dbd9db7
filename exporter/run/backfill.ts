/**
 * `hookwatch backfill`: historical delivery logs → OpenMetrics with
 * event-time timestamps for `promtool tsdb create-blocks-from openmetrics`.
 * Records are counted exactly as the live exporter counts them; every
 * `step` seconds of event time the changed series are sampled. Output is
 * grouped by family, each series' points in increasing time, then `# EOF`.
 */
import { access, constants, stat } from 'node:fs/promises';
import type { RecordFormatSpec } from '../../config/index.js';
import { METRICS, type MetricKey } from '../../catalog/index.js';
import { Engine } from '../counting/engine.js';
import type { EndpointRef } from '../counting/endpoints.js';
import { renderOpenMetrics, type TimedSeries } from '../exposition/render.js';
import { parseLine, readerFor } from '../records/parse.js';
import type { Aggregates } from '../state/aggregates.js';
import { drain, openFileSource } from './open.js';

/** The real-traffic families a backfill writes (self-metrics describe the run, not the traffic). */
export const BACKFILL_KEYS: readonly MetricKey[] = [
  'deliveries', 'deliveryFailures', 'deliveryRetries', 'deliveryDuration', 'events', 'endToEnd', 'queue',
  'processing', 'eventsProcessed', 'dlqEvents', 'dlqReplayed', 'dlqDepth', 'rateLimitRemaining', 'rateLimitLimit', 'lastDelivery',
];

export interface BackfillOptions {
  readonly from: string;
  readonly format: RecordFormatSpec;
  readonly endpoints: readonly EndpointRef[];
  readonly labelLimit: number;
  readonly maxLineBytes: number;
  /** Seconds of event time between samples. */
  readonly stepSeconds: number;
  readonly progress?: (doneBytes: number, totalBytes: number, lines: number) => void;
}

export interface BackfillResult {
  readonly text: string;
  readonly lines: number;
  readonly records: number;
  readonly errors: number;
  readonly samples: number;
}

type Series = { labels: readonly string[]; points: number[][] };
/** series id → its points, per family. */
type Points = Map<string, Series>;

function sample(agg: Aggregates, t: number, out: Map<MetricKey, Points>, last: Map<string, number>): void {
  for (const key of BACKFILL_KEYS) {
    const fam = out.get(key) ?? new Map<string, Series>();
    out.set(key, fam);
    const series = METRICS[key].type === 'histogram'
      ? agg.histograms(key).map((h) => ({ id: h.labels.join('\u0000'), labels: h.labels, version: h.count, point: () => [...h.counts, h.sum, h.count] }))
      : agg.scalars(key).map((s) => ({ id: s.labels.join('\u0000'), labels: s.labels, version: s.value, point: () => [s.value] }));
    for (const s of series) {
      const k = `${key}\u0001${s.id}`;
      if (last.get(k) === s.version) continue; // unchanged since the last sample
      last.set(k, s.version);
      let entry = fam.get(s.id);
      if (!entry) fam.set(s.id, (entry = { labels: s.labels, points: [] }));
      entry.points.push([t, ...s.point()]);
    }
  }
}

/** Fails like opening the file would: missing, unreadable or a folder. */
async function checkReadable(path: string): Promise<void> {
  if ((await stat(path)).isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
  await access(path, constants.R_OK);
}

/** Reads the whole log and returns the OpenMetrics text. */
export async function backfill(o: BackfillOptions): Promise<BackfillResult> {
  await checkReadable(o.from);
  const engine = new Engine({ endpoints: o.endpoints, labelLimit: o.labelLimit });
  const read = readerFor(o.format);
  const out = new Map<MetricKey, Points>();
  const last = new Map<string, number>();
  let window = -Infinity;
  let lines = 0;
  let records = 0;
  const sink = {
    line: (text: string) => {
      lines++;
      const r = parseLine(text, read);
      if (!r.ok) return;
      const w = Math.floor(r.record.ts / o.stepSeconds);
      // Late records join the current window, so each series' time only grows.
      if (w > window) {
        if (window !== -Infinity) sample(engine.agg, (window + 1) * o.stepSeconds, out, last);
        window = w;
      }
      engine.record('backfill', r.record);
      records++;
    },
    tooLong: () => { lines++; },
  };
  const src = openFileSource(engine, { type: 'file', name: 'backfill', path: o.from, written: o.from, ...o.format }, o.maxLineBytes, undefined, sink);
  try {
    await drain(src, () => {
      const lag = src.lag();
      o.progress?.(lag.offset, lag.size, lines);
    });
  } finally {
    await src.close();
  }
  if (window !== -Infinity) sample(engine.agg, (window + 1) * o.stepSeconds, out, last);
  const { text, samples } = renderOpenMetrics(BACKFILL_KEYS, new Map([...out].map(([k, fam]): [MetricKey, Iterable<TimedSeries>] => [k, fam.values()])));
  return { text, lines, records, errors: lines - records, samples };
}
