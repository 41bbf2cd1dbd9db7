/**
 * Every catalog metric users should see is on a dashboard. `SHOWN_ON` is a
 * mapped type over the catalog keys (a new metric fails to compile until it
 * has a placement); this test checks each placement against the metric's
 * audience and against the queries the dashboards really contain.
 */
import { describe, expect, it } from 'vitest';
import { ALL_METRICS, DASHBOARDS, METRICS, promql, type DashboardKey, type MetricKey } from '../../../catalog/index.js';
import { SHOWN_ON, dashboardQueries } from '../../../dashboards/index.js';
import { compactConfig, goldenConfig } from './support.js';

// Both prober.metrics modes: a metric of one mode is on the dashboards built for it.
const queries = [...dashboardQueries(goldenConfig()), ...dashboardQueries(compactConfig())];
const namesOn = (key: DashboardKey): Set<string> =>
  new Set(queries.filter((q) => q.dashboard === DASHBOARDS[key].uid).flatMap((q) => promql.metricNamesIn(q.expr, ALL_METRICS)));

describe('metric coverage', () => {
  for (const key of Object.keys(METRICS) as MetricKey[]) {
    const m = METRICS[key];
    const placement = SHOWN_ON[key];
    it(`${key} (${m.audience}) → ${placement === 'internal' ? 'internal' : placement.join(', ')}`, () => {
      if (m.audience === 'user') {
        expect(placement, `${m.name} is a user metric and must be on a dashboard`).not.toBe('internal');
      } else {
        expect(placement, `${m.name} is internal; mark it 'internal' or change its audience`).toBe('internal');
      }
      if (placement !== 'internal') {
        for (const d of placement) expect([...namesOn(d)], `${m.name} on ${d}`).toContain(m.name);
      }
    });
  }

  it('lists every dashboard a metric really appears on', () => {
    for (const d of Object.keys(DASHBOARDS) as DashboardKey[]) {
      const listed = (Object.keys(SHOWN_ON) as MetricKey[]).filter((k) => (SHOWN_ON[k] as readonly string[]).includes(d)).map((k) => METRICS[k].name);
      expect([...namesOn(d)].sort(), d).toEqual(listed.sort());
    }
  });
});
