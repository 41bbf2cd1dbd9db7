/**
 * Rules follow the config: a rule is kept only when a component whose
 * metrics it reads is enabled (`config.components`). What a rule reads is
 * found from its expression: catalog metric names (a histogram's series
 * resolve to their family), recording rules and alerts (`ALERTS{alertname=…}`)
 * through what they read, and the absence alerts by the component they
 * watch. A prober-only config so gets no exporter alert, record or
 * `HookwatchExporterAbsent`, and an exporter-only one nothing of the
 * prober's. A rule needs every component it reads, except that each
 * top-level `or` operand is an alternative (`probe < x or logged < x`, the
 * rate-limit quota, is kept when either is enabled) and the right side of
 * `unless` is not needed (the delivery rates outside maintenance need only
 * the exporter); a rule that reads neither (Watchdog) is always kept.
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

/** `expr` cut at the set operator `op` where it is outside every bracket (and string). */
function splitTop(expr: string, op: 'or' | 'unless'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const masked = expr.replace(/"(?:[^"\\]|\\.)*"/g, (m) => '_'.repeat(m.length));
  const re = new RegExp(`\\s${op}\\b`, 'y');
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0) {
      re.lastIndex = i;
      if (re.test(masked)) {
        parts.push(expr.slice(start, i));
        start = re.lastIndex;
        i = re.lastIndex - 1;
      }
    }
  }
  parts.push(expr.slice(start));
  return parts;
}

/** Components one alternative of an expression reads, given what the rules seen so far read. */
function partReads(part: string, seen: ReadonlyMap<string, ReadonlySet<Component>>): Set<Component> {
  const out = new Set<Component>();
  for (const [, names] of part.matchAll(ALERTNAME)) {
    for (const name of (names ?? '').split('|')) for (const c of seen.get(`alert:${name}`) ?? []) out.add(c);
  }
  // Label values and strings are quoted; only bare words can name series.
  for (const word of part.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(NAME) ?? []) {
    const metric = metricByName(word);
    if (metric && (metric.component === 'prober' || metric.component === 'exporter')) out.add(metric.component);
    for (const c of seen.get(word) ?? []) out.add(c);
  }
  return out;
}

/**
 * What a rule needs, as alternatives: each top-level `or` operand is one,
 * and of `a unless b` only `a` is needed (without `b`'s series it keeps
 * everything). Within an alternative every component read is needed.
 */
function needs(rule: AlertRule | RecordingRule, seen: ReadonlyMap<string, ReadonlySet<Component>>): Set<Component>[] {
  const watched = 'alert' in rule ? WATCHES[rule.alert] : undefined;
  const alternatives = splitTop(rule.expr, 'or').map((alt) => partReads(splitTop(alt, 'unless')[0]!, seen));
  if (watched) for (const a of alternatives) a.add(watched);
  const reading = alternatives.filter((a) => a.size > 0);
  return reading;
}

/**
 * The groups with only the rules of enabled components; empty groups are
 * dropped. Pass the same `seen` map for the recording groups first, then the
 * alert groups, so an alert knows what the records it reads need.
 */
export function forComponents<R extends AlertRule | RecordingRule>(groups: readonly RuleGroup<R>[], enabled: ReadonlySet<Component>, seen = new Map<string, Set<Component>>()): RuleGroup<R>[] {
  const out: RuleGroup<R>[] = [];
  for (const g of groups) {
    const rules = g.rules.filter((r) => {
      const alternatives = needs(r, seen);
      const key = 'record' in r ? r.record : `alert:${r.alert}`;
      seen.set(key, new Set([...(seen.get(key) ?? []), ...alternatives.flatMap((a) => [...a])]));
      return alternatives.length === 0 || alternatives.some((a) => [...a].every((c) => enabled.has(c)));
    });
    if (rules.length) out.push({ name: g.name, rules });
  }
  return out;
}
