/**
 * Cardinality guard: each guarded label keeps at most `limit` distinct
 * values; later ones become `other` and are counted in
 * `METRICS.exporterLabelOverflow{label}`. Totals stay exact
 * (the record is still counted, under `other`). The admitted values are
 * part of the checkpoint so a restart maps every value the same way.
 */
import { LABEL, OVERFLOW_VALUE } from '../../catalog/index.js';
import type { Aggregates } from '../state/aggregates.js';

export type GuardedLabel = typeof LABEL.endpoint | typeof LABEL.eventType;

export class LabelGuard {
  private readonly seen = new Map<GuardedLabel, Map<string, string>>();
  /** Exempt values met so far (not counted against the cap, not saved). */
  private readonly exemptSeen = new Map<string, string>();

  constructor(
    private limit: number,
    /** Values always admitted without using the cap (configured endpoint names). */
    private exempt: (label: GuardedLabel, value: string) => boolean,
    saved: Readonly<Record<string, readonly string[]>> = {},
  ) {
    for (const [label, values] of Object.entries(saved)) this.seen.set(label as GuardedLabel, new Map(values.map((v) => [v, v])));
  }

  /** Applies a new cap or exemption rule (config reload); admitted values stay admitted. */
  reconfigure(limit: number, exempt: (label: GuardedLabel, value: string) => boolean): void {
    this.limit = limit;
    this.exempt = exempt;
  }

  /**
   * The value to use as label: `value` itself, or `other` past the cap.
   * Returns the first instance seen of each value: later lookups by it in
   * the series maps then compare one pointer instead of the characters.
   */
  admit(label: GuardedLabel, value: string, agg: Aggregates): string {
    const placed = this.place(label, value);
    if (placed !== undefined) return placed;
    agg.inc('exporterLabelOverflow', { label });
    return OVERFLOW_VALUE;
  }

  /**
   * Like admit, without counting: the value to use, or undefined when it
   * is past the cap (the caller counts the overflow; a merge of partial
   * states counts all of a value's records at once).
   */
  place(label: GuardedLabel, value: string): string | undefined {
    let known = this.seen.get(label);
    if (!known) this.seen.set(label, (known = new Map()));
    const admitted = known.get(value);
    if (admitted !== undefined) return admitted;
    if (this.exempt(label, value)) {
      const first = this.exemptSeen.get(value);
      if (first !== undefined) return first;
      this.exemptSeen.set(value, value);
      return value;
    }
    if (known.size < this.limit) {
      known.set(value, value);
      return value;
    }
    return undefined;
  }

  /**
   * Starts the label's admitted values, as its first record does even when
   * the value is exempt (a merge of partial states, which tallies only
   * guarded values, calls it so the checkpoint lists the labels alike).
   */
  open(label: GuardedLabel): void {
    if (!this.seen.has(label)) this.seen.set(label, new Map());
  }

  /** True for values that never use the cap (configured endpoint names). */
  isExempt(label: GuardedLabel, value: string): boolean {
    return this.exempt(label, value);
  }

  toJSON(): Record<string, string[]> {
    return Object.fromEntries([...this.seen].map(([k, v]) => [k, [...v.keys()]]));
  }
}
