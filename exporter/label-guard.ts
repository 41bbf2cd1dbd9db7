/**
 * Cardinality guard: each guarded label keeps at most `limit` distinct
 * values; later ones become `other` and are counted in
 * `METRICS.exporterLabelOverflow{label}`. Totals stay exact
 * (the record is still counted, under `other`). The admitted values are
 * part of the checkpoint so a restart maps every value the same way.
 */
import { LABEL, OVERFLOW_VALUE } from '../catalog/index.js';
import type { Aggregates } from './state/aggregates.js';

export type GuardedLabel = typeof LABEL.endpoint | typeof LABEL.eventType;

export class LabelGuard {
  private readonly seen = new Map<GuardedLabel, Set<string>>();

  constructor(
    private limit: number,
    /** Values always admitted without using the cap (configured endpoint names). */
    private exempt: (label: GuardedLabel, value: string) => boolean,
    saved: Readonly<Record<string, readonly string[]>> = {},
  ) {
    for (const [label, values] of Object.entries(saved)) this.seen.set(label as GuardedLabel, new Set(values));
  }

  /** Applies a new cap or exemption rule (config reload); admitted values stay admitted. */
  reconfigure(limit: number, exempt: (label: GuardedLabel, value: string) => boolean): void {
    this.limit = limit;
    this.exempt = exempt;
  }

  /** The value to use as label: `value` itself, or `other` past the cap. */
  admit(label: GuardedLabel, value: string, agg: Aggregates): string {
    let set = this.seen.get(label);
    if (!set) this.seen.set(label, (set = new Set()));
    if (set.has(value) || this.exempt(label, value)) return value;
    if (set.size < this.limit) {
      set.add(value);
      return value;
    }
    agg.inc('exporterLabelOverflow', [label]);
    return OVERFLOW_VALUE;
  }

  toJSON(): Record<string, string[]> {
    return Object.fromEntries([...this.seen].map(([k, v]) => [k, [...v]]));
  }
}
