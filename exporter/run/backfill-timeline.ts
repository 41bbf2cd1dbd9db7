/**
 * Backfill's clock: the event time a log has reached, and the samples it
 * takes of the state on the way. Windows are `step` seconds of event time;
 * the time reached is the highest window of any record so far, so a late
 * record joins the current window and each series' time only grows.
 * Whenever a record opens a later window, the state is sampled (before that
 * record counts) at the end of the window it closes; `finish` samples the
 * last one. A sample holds only the series that changed since the previous.
 *
 * One thread calls `reach` before every record; the parallel backfill
 * (./backfill-parallel.ts) calls it once per segment of records that a
 * worker counted between two windows it opened, before merging the
 * segment: the same samples, of the same states.
 */
import { METRICS, type MetricKey } from '../../catalog/index.js';
import { renderOpenMetrics, type TimedSeries } from '../exposition/render.js';
import type { Aggregates } from '../state/aggregates.js';

/** The real-traffic families a backfill writes (self-metrics describe the run, not the traffic). */
export const BACKFILL_KEYS: readonly MetricKey[] = [
  'deliveries', 'deliveryFailures', 'deliveryRetries', 'deliveryDuration', 'events', 'endToEnd', 'queue',
  'processing', 'eventsProcessed', 'dlqEvents', 'dlqReplayed', 'dlqDepth', 'rateLimitRemaining', 'rateLimitLimit', 'lastDelivery',
];

type Series = { labels: readonly string[]; points: number[][] };
/** series id → its points, per family. */
type Points = Map<string, Series>;

/** The window a record of Unix time `ts` falls in. */
export function windowOf(ts: number, stepSeconds: number): number {
  return Math.floor(ts / stepSeconds);
}

export class Timeline {
  /** The highest window reached (-Infinity before the first record). */
  private window = -Infinity;
  private readonly out = new Map<MetricKey, Points>();
  private readonly last = new Map<string, number>();

  constructor(private readonly stepSeconds: number) {}

  /** A record (or a segment starting with one) of window `w` comes next: samples `agg` if it opens a later window. */
  reach(w: number, agg: Aggregates): void {
    if (!(w > this.window)) return;
    if (this.window !== -Infinity) this.sample(agg, (this.window + 1) * this.stepSeconds);
    this.window = w;
  }

  /** The log is done: samples the window reached last. */
  finish(agg: Aggregates): void {
    if (this.window !== -Infinity) this.sample(agg, (this.window + 1) * this.stepSeconds);
  }

  /** The OpenMetrics text of every sample taken. */
  render(): { text: string; samples: number } {
    return renderOpenMetrics(BACKFILL_KEYS, new Map([...this.out].map(([k, fam]): [MetricKey, Iterable<TimedSeries>] => [k, fam.values()])));
  }

  private sample(agg: Aggregates, t: number): void {
    for (const key of BACKFILL_KEYS) {
      const fam = this.out.get(key) ?? new Map<string, Series>();
      this.out.set(key, fam);
      const series = METRICS[key].type === 'histogram'
        ? agg.histograms(key).map((h) => ({ id: h.labels.join('\u0000'), labels: h.labels, version: h.count, point: () => [...h.counts, h.sum, h.count] }))
        : agg.scalars(key).map((s) => ({ id: s.labels.join('\u0000'), labels: s.labels, version: s.value, point: () => [s.value] }));
      for (const s of series) {
        const k = `${key}\u0001${s.id}`;
        if (this.last.get(k) === s.version) continue; // unchanged since the last sample
        this.last.set(k, s.version);
        let entry = fam.get(s.id);
        if (!entry) fam.set(s.id, (entry = { labels: s.labels, points: [] }));
        entry.points.push([t, ...s.point()]);
      }
    }
  }
}
