/**
 * Rules follow the config: a rule is kept only when a component whose
 * metrics it reads is enabled (`config.components`). What a rule reads is
 * found from its expression: catalog metric names (a histogram's series
 * resolve to their family), recording rules and alerts (`ALERTS{alertname=…}`)
 * through what they read, and the absence alerts by the component they
 * watch. A prober-only config so gets no exporter alert, record or
 * `HookwatchExporterAbsent`, and an exporter-only one nothing of the
 * prober's. A rule that reads both as alternatives (`probe < x or logged < x`,
 * the rate-limit quota) is kept when either is enabled; a rule that reads
 * neither (Watchdog) always is. No rule joins the two with `and`.
 */
import { metricByName, type AlertName } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { AlertRule, RecordingRule, RuleGroup } from './model.js';

export type Component = 'prober' | 'exporter';

/** The absence alerts read the shared build-info gauge; they belong to the component they watch. */
const WATCHES: Partial<Record<AlertName, Component>> = {
  HookwatchProberAbsent: 'prober',
  HookwatchExporterAbsent: 'exporter',
};

const NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/g;

export function enabledComponents(config: Config): ReadonlySet<Component> {
  return new Set((['prober', 'exporter'] as const).filter((c) => config.components[c]));
}

const ALERTNAME = /alertname\s*=~?\s*"([^"]*)"/g;

/** Components a rule reads, given what the rules seen so far (records by name, alerts as `alert:<name>`) read. */
function reads(rule: AlertRule | RecordingRule, seen: ReadonlyMap<string, ReadonlySet<Component>>): Set<Component> {
  const out = new Set<Component>();
  const watched = 'alert' in rule ? WATCHES[rule.alert] : undefined;
  if (watched) out.add(watched);
  for (const [, names] of rule.expr.matchAll(ALERTNAME)) {
    for (const name of (names ?? '').split('|')) for (const c of seen.get(`alert:${name}`) ?? []) out.add(c);
  }
  // Label values and strings are quoted; only bare words can name series.
  for (const word of rule.expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(NAME) ?? []) {
    const metric = metricByName(word);
    if (metric && (metric.component === 'prober' || metric.component === 'exporter')) out.add(metric.component);
    for (const c of seen.get(word) ?? []) out.add(c);
  }
  return out;
}

/**
 * The groups with only the rules of enabled components; empty groups are
 * dropped. Pass the same `seen` map for the recording groups first, then the
 * alert groups, so an alert knows what the records it reads read.
 */
export function forComponents<R extends AlertRule | RecordingRule>(groups: readonly RuleGroup<R>[], enabled: ReadonlySet<Component>, seen = new Map<string, Set<Component>>()): RuleGroup<R>[] {
  const out: RuleGroup<R>[] = [];
  for (const g of groups) {
    const rules = g.rules.filter((r) => {
      const n = reads(r, seen);
      const key = 'record' in r ? r.record : `alert:${r.alert}`;
      seen.set(key, new Set([...(seen.get(key) ?? []), ...n]));
      return n.size === 0 || [...n].some((c) => enabled.has(c));
    });
    if (rules.length) out.push({ name: g.name, rules });
  }
  return out;
}
