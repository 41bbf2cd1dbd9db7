/**
 * `hookwatch backfill`: historical delivery logs → OpenMetrics with
 * event-time timestamps for `promtool tsdb create-blocks-from openmetrics`.
 * Records are counted exactly as the live exporter counts them; every
 * `step` seconds of event time the changed series are sampled. Output is
 * grouped by family, each series' points in increasing time, then `# EOF`.
 */
import { open } from 'node:fs/promises';
import { METRICS, type MetricKey } from '../../catalog/index.js';
import { Engine } from '../counting/engine.js';
import type { EndpointRef } from '../counting/endpoints.js';
import { parseLine, readerFor, type FormatSpec } from '../records/parse.js';
import { formatValue, labelPairs } from '../exposition/render.js';
import { LineSplitter } from '../sources/lines.js';
import type { Aggregates } from '../state/aggregates.js';

/** The real-traffic families a backfill writes (self-metrics describe the run, not the traffic). */
export const BACKFILL_KEYS: readonly MetricKey[] = [
  'deliveries', 'deliveryFailures', 'deliveryRetries', 'deliveryDuration', 'events', 'endToEnd', 'queue',
  'processing', 'eventsProcessed', 'dlqEvents', 'dlqReplayed', 'dlqDepth', 'rateLimitRemaining', 'rateLimitLimit', 'lastDelivery',
];

export interface BackfillOptions {
  readonly from: string;
  readonly format: FormatSpec;
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

/** series id → points: [t, value] or [t, cumulative buckets…, sum, count]. */
type Points = Map<string, { labels: readonly string[]; points: number[][] }>;

function sample(agg: Aggregates, t: number, out: Map<MetricKey, Points>, last: Map<string, number>): void {
  for (const key of BACKFILL_KEYS) {
    const fam = out.get(key) ?? new Map();
    out.set(key, fam);
    const series = METRICS[key].type === 'histogram'
      ? agg.histograms(key).map((h) => ({ id: h.labels.join('\u0000'), labels: h.labels, version: h.count, point: () => cumulative(h.counts, h.sum, h.count) }))
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

function cumulative(counts: readonly number[], sum: number, count: number): number[] {
  let c = 0;
  return [...counts.map((n) => (c += n)), sum, count];
}

function render(out: Map<MetricKey, Points>): { text: string; samples: number } {
  const parts: string[] = [];
  let samples = 0;
  for (const key of BACKFILL_KEYS) {
    const fam = out.get(key);
    if (!fam || fam.size === 0) continue;
    const def = METRICS[key];
    // OpenMetrics names the family without the `_total` sample suffix.
    const family = def.type === 'counter' ? def.name.replace(/_total$/, '') : def.name;
    parts.push(`# HELP ${family} ${def.help}\n# TYPE ${family} ${def.type}\n`);
    const le = [...(def.buckets ?? []).map(formatValue), '+Inf'];
    for (const { labels, points } of fam.values()) {
      const pairs = labelPairs(def, labels);
      const braces = pairs ? `{${pairs}}` : '';
      for (const p of points) {
        const t = formatValue(p[0] as number);
        if (def.type !== 'histogram') {
          parts.push(`${def.name}${braces} ${formatValue(p[1] as number)} ${t}\n`);
          samples++;
          continue;
        }
        const pre = pairs ? `${pairs},` : '';
        le.forEach((b, i) => parts.push(`${def.name}_bucket{${pre}le="${b}"} ${p[i + 1] as number} ${t}\n`));
        parts.push(`${def.name}_sum${braces} ${formatValue(p[le.length + 1] as number)} ${t}\n`);
        parts.push(`${def.name}_count${braces} ${p[le.length + 2] as number} ${t}\n`);
        samples += le.length + 2;
      }
    }
  }
  parts.push('# EOF\n');
  return { text: parts.join(''), samples };
}

/** Reads the whole log and returns the OpenMetrics text. */
export async function backfill(o: BackfillOptions): Promise<BackfillResult> {
  const engine = new Engine({ endpoints: o.endpoints, labelLimit: o.labelLimit });
  const read = readerFor(o.format);
  const out = new Map<MetricKey, Points>();
  const last = new Map<string, number>();
  let window = -Infinity;
  let lines = 0;
  let records = 0;
  const splitter = new LineSplitter(o.maxLineBytes, {
    line: (text) => {
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
  });
  const fh = await open(o.from, 'r');
  try {
    const total = (await fh.stat()).size;
    const buf = Buffer.allocUnsafe(1 << 20);
    let done = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, done);
      if (bytesRead === 0) break;
      done += bytesRead;
      splitter.push(buf.subarray(0, bytesRead));
      o.progress?.(done, total, lines);
    }
    if (splitter.heldBytes > 0) splitter.push(Buffer.from('\n'));
  } finally {
    await fh.close();
  }
  if (window !== -Infinity) sample(engine.agg, (window + 1) * o.stepSeconds, out, last);
  const { text, samples } = render(out);
  return { text, lines, records, errors: lines - records, samples };
}
