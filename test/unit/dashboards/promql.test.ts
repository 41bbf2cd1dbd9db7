/**
 * Every panel query, macros substituted, is valid PromQL for Prometheus 2.42
 * and names only catalog metrics. The checker tests first, so a checker that
 * accepts everything cannot make the dashboard tests pass.
 */
import { describe, expect, it } from 'vitest';
import { METRICS, promql } from '../../../catalog/index.js';
import { dashboardQueries, substituteGrafanaMacros } from '../../../dashboards/index.js';
import { selectedMetricNames, syntaxErrors, typeErrors, unknownMetricNames } from './promql-check.js';
import { goldenConfig } from './support.js';

describe('PromQL checker', () => {
  it.each([
    'sum(rate(x[5m])',
    'rate(x[5m]',
    'foo{a="b"',
    'x > > 1',
    'mad_over_time(x[5m])', // newer than Prometheus 2.42
    'rate(x[$__rate_interval])', // Grafana macro left in
    '',
  ])('finds a syntax error in %j', (expr) => {
    expect(syntaxErrors(expr).length + typeErrors(expr).length).toBeGreaterThan(0);
  });

  it.each(['rate(x)', 'rate(x[5m], 1)', 'topk(x, 3)', 'sum(x[5m])'])('finds a type error in %j', (expr) => {
    expect(typeErrors(expr)).not.toEqual([]);
  });

  it('accepts valid expressions', () => {
    const ok = 'histogram_quantile(0.95, sum by (le) (rate(x_bucket{a=~".*"}[1m]))) / on (a) (label_replace(vector(1), "a", "b", "", "") or vector(0))';
    expect(syntaxErrors(ok)).toEqual([]);
    expect(typeErrors(ok)).toEqual([]);
  });

  it('lists selected metric names and flags unknown ones', () => {
    const deliveries = METRICS.deliveries.name;
    const alerts = promql.BUILTIN_SERIES[0];
    expect(selectedMetricNames(`sum(rate(${deliveries}[1m])) / count(${alerts}) + time()`)).toEqual([deliveries, alerts]);
    expect(unknownMetricNames(`rate(${METRICS.deliveryDuration.name}_bucket[1m])`)).toEqual([]);
    expect(unknownMetricNames(`rate(${deliveries}x[1m])`)).toEqual([`${deliveries}x`]);
  });
});

describe('dashboard queries', () => {
  const queries = dashboardQueries(goldenConfig());

  it('exist for every dashboard', () => {
    expect(new Set(queries.map((q) => q.dashboard)).size).toBe(5);
    expect(queries.length).toBeGreaterThan(40);
  });

  for (const q of queries) {
    describe(`${q.dashboard} / ${q.panel}: ${q.expr.slice(0, 60)}`, () => {
      const expr = substituteGrafanaMacros(q.expr);
      it('parses with lezer-promql 0.42 (no error nodes)', () => expect(syntaxErrors(expr)).toEqual([]));
      it('passes the codemirror-promql 0.42 type checks', () => expect(typeErrors(expr)).toEqual([]));
      it('names only catalog metrics', () => {
        expect(selectedMetricNames(expr).length).toBeGreaterThan(0);
        expect(unknownMetricNames(expr)).toEqual([]);
      });
    });
  }
});
