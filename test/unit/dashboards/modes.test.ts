/**
 * Dashboards and rules built for a `prober.metrics` mode read only series a
 * prober in that mode exposes for every endpoint: no metric of the other
 * mode, and in compact mode no `webhook_probes_total` result it does not count.
 */
import { describe, expect, it } from 'vitest';
import { ALL_METRICS, COMPACT_PROBE_RESULTS, METRICS, exposedIn, promql, type ProberMetricsMode } from '../../../catalog/index.js';
import { alertGroups, recordingGroups } from '../../../alerts/index.js';
import type { Config } from '../../../config/index.js';
import { dashboardQueries } from '../../../dashboards/index.js';
import { loadCase } from '../alerts/support.js';
import { compactConfig, goldenConfig } from './support.js';

function expressions(config: Config): { where: string; expr: string }[] {
  const rules = [...alertGroups(config), ...recordingGroups()].flatMap((g) => g.rules.map((r) => ({ where: `${g.name} / ${'alert' in r ? r.alert : r.record}`, expr: r.expr })));
  return [...dashboardQueries(config).map((q) => ({ where: `${q.dashboard} / ${q.panel}`, expr: q.expr })), ...rules];
}

/** What in `expr` a prober in `mode` does not expose. */
function missingIn(mode: ProberMetricsMode, expr: string): string[] {
  const out = promql.metricNamesIn(expr, ALL_METRICS).filter((n) => !exposedIn(mode, ALL_METRICS.find((m) => m.name === n)!));
  if (mode === 'compact') {
    for (const [, matchers] of expr.matchAll(new RegExp(`${METRICS.probes.name}\\{([^}]*)\\}`, 'g'))) {
      const result = /(?:^|,)result(=~|!~|!=|=)"([^"]*)"/.exec(matchers ?? '');
      if (result && (result[1] !== '=' || !(COMPACT_PROBE_RESULTS as readonly string[]).includes(result[2]!))) out.push(`${METRICS.probes.name}{result${result[1]}"${result[2]}"}`);
    }
  }
  return out;
}

const CONFIGS: [string, ProberMetricsMode, () => Config][] = [
  ['dashboards golden, full', 'full', goldenConfig],
  ['dashboards golden, compact', 'compact', compactConfig],
  ['alerts case basic, full', 'full', () => loadCase('basic')],
  ['alerts case compact', 'compact', () => loadCase('compact')],
];

describe.each(CONFIGS)('%s', (_name, mode, config) => {
  it(`every panel query and rule expression reads only series of ${mode} mode`, () => {
    const c = config();
    expect(c.prober.metrics).toBe(mode);
    const bad = expressions(c).flatMap(({ where, expr }) => missingIn(mode, expr).map((m) => `${where}: ${m}`));
    expect(bad).toEqual([]);
  });
});

it('the check can fail: a full query is refused in compact mode', () => {
  expect(missingIn('compact', 'sum by (result) (rate(webhook_probes_total{result!="success"}[5m]))')).toEqual(['webhook_probes_total{result!="success"}']);
  expect(missingIn('compact', 'histogram_quantile(0.5, sum by (le) (rate(webhook_probe_phase_seconds_bucket[5m])))')).toEqual(['webhook_probe_phase_seconds']);
  expect(missingIn('full', 'max(webhook_probe_last_phase_seconds)')).toEqual(['webhook_probe_last_phase_seconds']);
});
