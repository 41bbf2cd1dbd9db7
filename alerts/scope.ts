/**
 * Per-endpoint overrides. A Prometheus rule has one threshold and one `for`,
 * so each alert is emitted once per distinct set of values: one rule for the
 * global values (every endpoint without its own values, including endpoints
 * only seen in logs) and one rule per overriding set, each with an
 * `endpoint` matcher that makes the scopes disjoint.
 */
import { promql } from '../catalog/index.js';
import type { MatchValue } from '../catalog/promql.js';
import type { Config, Thresholds } from '../config/index.js';

export interface Scope<T> {
  /** Matcher for the `endpoint` label; undefined means every endpoint. */
  readonly endpoint?: MatchValue;
  readonly values: T;
  /** Configured endpoints this scope covers (empty for "all others"). */
  readonly endpoints: readonly string[];
}

/** Splits endpoints by the values `pick` reads from their thresholds. */
export function scopes<T>(config: Config, pick: (t: Thresholds) => T): Scope<T>[] {
  const key = (v: T) => JSON.stringify(v);
  const base = pick(config.alerts.defaults);
  const groups = new Map<string, { values: T; endpoints: string[] }>();
  for (const e of config.endpoints) {
    const v = pick(e.thresholds);
    if (key(v) === key(base)) continue;
    const g = groups.get(key(v)) ?? { values: v, endpoints: [] };
    g.endpoints.push(e.name);
    groups.set(key(v), g);
  }
  const overridden = [...groups.values()].flatMap((g) => g.endpoints);
  const out: Scope<T>[] = [
    overridden.length
      ? { endpoint: promql.nre(promql.oneOf(overridden).value), values: base, endpoints: [] }
      : { values: base, endpoints: [] },
  ];
  for (const g of groups.values()) out.push({ endpoint: promql.oneOf(g.endpoints), values: g.values, endpoints: g.endpoints });
  return out;
}

/** `{endpoint: matcher}` or `{}`; spread into a catalog selection. */
export function endpointMatch(s: Scope<unknown>): { endpoint?: MatchValue } {
  return s.endpoint === undefined ? {} : { endpoint: s.endpoint };
}
