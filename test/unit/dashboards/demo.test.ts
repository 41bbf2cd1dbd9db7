/**
 * The demo config (what `npm start` runs and what `generated/` is built
 * from) produces dashboards that pass the same checks as the golden config.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDashboards, dashboardQueries, substituteGrafanaMacros } from '../../../dashboards/index.js';
import { syntaxErrors, typeErrors, unknownMetricNames } from './promql-check.js';
import { structuralProblems, type DashboardJson } from './structure.js';
import { configFromText } from './support.js';

const DEMO = fileURLToPath(new URL('../../../examples/demo.yaml', import.meta.url));

describe.skipIf(!existsSync(DEMO))('dashboards for examples/demo.yaml', () => {
  const load = () => configFromText(readFileSync(DEMO, 'utf8'), 'examples/demo.yaml');

  it('build and pass the structural checks', () => {
    for (const { dashboard } of buildDashboards(load())) {
      expect(structuralProblems(JSON.parse(JSON.stringify(dashboard)) as DashboardJson), dashboard.uid).toEqual([]);
    }
  });

  it('have valid PromQL naming only catalog metrics', () => {
    const problems = dashboardQueries(load()).flatMap((q) => {
      const e = substituteGrafanaMacros(q.expr);
      return [...syntaxErrors(e), ...typeErrors(e), ...unknownMetricNames(e)].map((p) => `${q.dashboard}/${q.panel}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
});
