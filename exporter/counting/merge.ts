/**
 * Merges partial states (./partial.ts) into an engine, in log order, so
 * the result equals counting the same lines one after the other, to the
 * byte of the exposition:
 * 1. The label cap is replayed: each part's guarded values, in the order
 *    they first appear in it, go through the engine's guard, so values are
 *    admitted first come, first served across parts; a value past the cap
 *    maps to `other` and all its records count as overflow (the overflow
 *    series of the two labels are created in the order their first
 *    overflowing record appeared).
 * 2. Each raw series maps to its capped labels. Series are visited in the
 *    part's creation order, so a series new to the engine is created where
 *    its first record would have created it (the earliest of the raw
 *    series folded into it comes first in that order).
 * 3. Values compose by kind: counters and histograms add (histogram sums
 *    are exact, so the grouping does not matter); last-seen times
 *    (`lastDelivery`, `exporterLastEvent`) take the maximum; rate-limit
 *    gauges take the value set by the part's last such record (a part comes
 *    after everything merged before it); the DLQ depth, clamped at 0,
 *    composes as max(floor, depth + net) for a configured endpoint and is
 *    replayed step by step for the others (several may fold into `other`).
 */
import { LABEL, METRICS, OVERFLOW_VALUE, type MetricKey } from '../../catalog/index.js';
import type { LabelsFor } from '../state/aggregates.js';
import type { ScalarSeries } from '../state/aggregates.js';
import type { Engine } from './engine.js';
import type { GuardedLabel } from './label-guard.js';
import type { PartialState } from './partial.js';

type Rule = 'add' | 'max' | 'last' | 'depth';

/** How each family the counting writes composes; a gauge without a rule is a bug, not a guess. */
const GAUGE_RULES: Partial<Record<MetricKey, Rule>> = {
  lastDelivery: 'max', exporterLastEvent: 'max', rateLimitRemaining: 'last', rateLimitLimit: 'last', dlqDepth: 'depth',
};

function ruleOf(key: MetricKey): Rule {
  if (METRICS[key].type === 'counter') return 'add';
  const r = GAUGE_RULES[key];
  if (!r) throw new Error(`merge: no rule for gauge ${key}`);
  return r;
}

const GUARDED: readonly GuardedLabel[] = [LABEL.endpoint, LABEL.eventType];

/** Positional values (a serialised series) → values by label name. */
function named(names: readonly string[], values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) out[names[i] as string] = values[i] ?? '';
  return out;
}

/** Merges one part, counted after everything merged so far. */
export function mergePartial(engine: Engine, p: PartialState): void {
  const agg = engine.agg;
  // Every record places both labels, endpoint first (event types are never exempt, so a part with records tallies some).
  if (p.labels[LABEL.eventType].length > 0) for (const label of GUARDED) engine.guard.open(label);
  // 1. The cap, first come first served; overflow counted per label.
  const maps = new Map<string, Map<string, string>>();
  const overflow: { label: GuardedLabel; records: number; first: number }[] = [];
  for (const label of GUARDED) {
    const map = new Map<string, string>();
    maps.set(label, map);
    let records = 0;
    let first = Infinity;
    for (const [value, n, seq] of p.labels[label]) {
      const placed = engine.guard.place(label, value);
      if (placed === undefined) {
        map.set(value, OVERFLOW_VALUE);
        records += n;
        first = Math.min(first, seq);
      } else map.set(value, placed);
    }
    if (records > 0) overflow.push({ label, records, first });
  }
  // Stable: at the same record the endpoint label overflowed first (it is admitted first).
  overflow.sort((a, b) => a.first - b.first);
  for (const o of overflow) agg.inc('exporterLabelOverflow', { label: o.label }, o.records);

  const capped = (names: readonly string[], values: readonly string[]): Record<string, string> => {
    const out = named(names, values);
    for (const label of GUARDED) {
      const v = out[label];
      if (v !== undefined) out[label] = maps.get(label)?.get(v) ?? v;
    }
    return out;
  };

  // 2 and 3. Scalars.
  const seqOf = { rateLimitRemaining: new Map(p.rateLimitRemaining), rateLimitLimit: new Map(p.rateLimitLimit) };
  const net = new Map(p.dlqNet);
  const endpointMap = maps.get(LABEL.endpoint) as Map<string, string>;
  for (const [k, rows] of Object.entries(p.state.scalars)) {
    const key = k as MetricKey;
    const names = METRICS[key].labels;
    const rule = ruleOf(key);
    const best = new Map<ScalarSeries, number>();
    for (const [values, value] of rows) {
      const s = agg.series(key, capped(names, values) as LabelsFor<typeof key>);
      if (rule === 'add') agg.add(s, value);
      else if (rule === 'max') agg.put(s, Math.max(s.value, value));
      else if (rule === 'last') {
        const seq = seqOf[key as 'rateLimitRemaining' | 'rateLimitLimit'].get(values[0] as string) ?? -1;
        if (seq > (best.get(s) ?? -Infinity)) {
          best.set(s, seq);
          agg.put(s, value);
        }
      } else {
        const raw = values[0] as string;
        // Configured: the part's own walk from 0 is its floor.
        if (!endpointMap.has(raw)) agg.put(s, Math.max(value, s.value + (net.get(raw) ?? 0)));
      }
    }
  }
  for (const [raw, step] of p.dlqSteps) {
    const s = agg.series('dlqDepth', { endpoint: endpointMap.get(raw) ?? raw });
    agg.put(s, step > 0 ? s.value + 1 : Math.max(0, s.value - 1));
  }

  // Histograms add.
  for (const [k, rows] of Object.entries(p.state.histograms)) {
    const key = k as MetricKey;
    const names = METRICS[key].labels;
    for (const [values, counts, sum, count, parts] of rows) {
      agg.addHistogram(agg.histogramSeries(key, capped(names, values) as LabelsFor<typeof key>), counts, parts ?? [sum], count);
    }
  }
}
