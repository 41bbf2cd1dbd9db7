/**
 * A partial state: what one part of a log (a byte range of one file,
 * counted in a worker thread) adds, in a form that merges into the whole
 * exactly as if the lines had been counted one after the other
 * (./merge.ts). A partial engine counts without the label cap (it cannot
 * know which values earlier parts admitted) and records what the merge
 * needs to replay the cap and the order-dependent gauges:
 * - each guarded label value's records and the first record it appears
 *   in, in first-seen order (the cap admits values first come, first served);
 * - the DLQ depth steps (+1, −1, clamped at 0) of endpoints the cap may fold
 *   into `other`, in log order, and each configured endpoint's net step
 *   (its depth from 0 in this part is the clamp floor: a clamped walk
 *   started at x ends at max(depth, x + net));
 * - the record of the last rate-limit value of each endpoint, so folded
 *   endpoints keep the value seen last.
 */
import { LABEL } from '../../catalog/index.js';
import type { DeliveryRecord } from '../records/record.js';
import type { SerializedAggregates } from '../state/aggregates.js';
import type { GuardedLabel } from './label-guard.js';

/** `[value, records, first record index]`, in first-seen order. */
export type LabelTally = [string, number, number][];

export interface PartialState {
  /** Counts under raw (uncapped) label values, series in creation order. */
  readonly state: SerializedAggregates;
  readonly labels: Readonly<Record<GuardedLabel, LabelTally>>;
  /** DLQ steps of endpoints that are not configured, in log order: `[endpoint, +1 | -1]`. */
  readonly dlqSteps: [string, number][];
  /** Configured endpoints: depth steps summed (+1 per dlq, −1 per replay). */
  readonly dlqNet: [string, number][];
  /** `[endpoint, index of the record that set it last]` per rate-limit gauge. */
  readonly rateLimitRemaining: [string, number][];
  readonly rateLimitLimit: [string, number][];
}

export class PartialRecorder {
  private seq = 0;
  private readonly tallies: Record<GuardedLabel, Map<string, [string, number, number]>> = { [LABEL.endpoint]: new Map(), [LABEL.eventType]: new Map() } as Record<GuardedLabel, Map<string, [string, number, number]>>;
  private readonly dlqSteps: [string, number][] = [];
  private readonly dlqNet = new Map<string, number>();
  private readonly remaining = new Map<string, number>();
  private readonly limit = new Map<string, number>();

  constructor(private readonly exempt: (label: GuardedLabel, value: string) => boolean) {}

  /** One record, with the raw label values it was counted under. */
  record(r: DeliveryRecord, endpoint: string, eventType: string): void {
    const seq = this.seq++;
    const exempt = this.tally(LABEL.endpoint, endpoint, seq);
    this.tally(LABEL.eventType, eventType, seq);
    if (r.kind === 'dlq' || r.kind === 'dlq_replay') {
      const step = r.kind === 'dlq' ? 1 : -1;
      if (exempt) this.dlqNet.set(endpoint, (this.dlqNet.get(endpoint) ?? 0) + step);
      else this.dlqSteps.push([endpoint, step]);
    } else if (r.kind === 'attempt') {
      if (r.rateLimitRemaining !== undefined) this.remaining.set(endpoint, seq);
      if (r.rateLimitLimit !== undefined) this.limit.set(endpoint, seq);
    }
  }

  /** Counts one record under `value`; true when the value is exempt from the cap (not tallied). */
  private tally(label: GuardedLabel, value: string, seq: number): boolean {
    if (this.exempt(label, value)) return true;
    const t = this.tallies[label];
    const e = t.get(value);
    if (e) e[1]++;
    else t.set(value, [value, 1, seq]);
    return false;
  }

  result(state: SerializedAggregates): PartialState {
    return {
      state,
      labels: { [LABEL.endpoint]: [...this.tallies[LABEL.endpoint].values()], [LABEL.eventType]: [...this.tallies[LABEL.eventType].values()] } as Record<GuardedLabel, LabelTally>,
      dlqSteps: this.dlqSteps,
      dlqNet: [...this.dlqNet],
      rateLimitRemaining: [...this.remaining],
      rateLimitLimit: [...this.limit],
    };
  }
}
