import { describe, expect, it } from 'vitest';
import { DASHBOARDS, dashboardUrl, runbookUrl } from '../../../catalog/index.js';
import { buildDashboards, DATASOURCE_UID, SCHEMA_VERSION, renderDashboard } from '../../../dashboards/index.js';
import { structuralProblems, type DashboardJson } from './structure.js';
import { configFromText, goldenConfig } from './support.js';

const config = goldenConfig();
const built = buildDashboards(config);
const json = (d: unknown) => JSON.parse(JSON.stringify(d)) as DashboardJson & Record<string, unknown>;

describe('generated dashboards', () => {
  it('are the five catalog dashboards with their uids and titles', () => {
    expect(built.map((b) => [b.dashboard.uid, b.dashboard.title])).toEqual(Object.values(DASHBOARDS).map((d) => [d.uid, d.title]));
  });

  for (const { key, dashboard } of built) {
    describe(key, () => {
      const d = json(dashboard);
      it('passes the structural checks', () => expect(structuralProblems(d)).toEqual([]));
      it('uses the pinned schemaVersion and no nested repeats', () => {
        expect(d.schemaVersion).toBe(SCHEMA_VERSION);
        expect(renderDashboard(dashboard)).not.toMatch(/"repeat":/);
      });
      it('defaults the datasource variable to the provisioned datasource', () => {
        const ds = (d.templating as { list: { name: string; current?: { value: string } }[] }).list[0]!;
        expect([ds.name, ds.current?.value]).toEqual(['datasource', DATASOURCE_UID]);
      });
      it('links to every other dashboard', () => {
        const urls = (d.links as { url: string }[]).map((l) => l.url);
        const others = (Object.keys(DASHBOARDS) as (keyof typeof DASHBOARDS)[]).filter((k) => k !== key);
        expect(urls).toEqual(others.map((k) => dashboardUrl(k, 'https://grafana.example.com')));
      });
      it('says it is generated', () => expect(d.description).toMatch(/generated.*do not edit/i));
    });
  }

  it('gives alert-related panels runbook links', () => {
    const overview = json(built[0]!.dashboard);
    const errorRate = (overview.panels as { title: string; links?: { url: string }[] }[]).find((p) => p.title === 'Error rate');
    expect(errorRate?.links?.map((l) => l.url)).toEqual([runbookUrl('WebhookHighFailureRate', 'https://runbooks.example.com/hookwatch/')]);
  });

  it('draws per-endpoint alert thresholds from the config', () => {
    const overview = json(built[0]!.dashboard);
    const dlq = (overview.panels as { title: string; fieldConfig: { defaults: { thresholds: { steps: { value: number | null }[] } }; overrides: { matcher: { options: string }; properties: { value: { steps: { value: number | null }[] } }[] }[] } }[])
      .find((p) => p.title === 'DLQ depth')!;
    expect(dlq.fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 100]);
    expect(dlq.fieldConfig.overrides.map((o) => [o.matcher.options, o.properties[0]!.value.steps.map((s) => s.value)])).toEqual([['partner-eu', [null, 500]]]);
  });

  it('is deterministic and follows the config', () => {
    const again = buildDashboards(goldenConfig()).map((b) => renderDashboard(b.dashboard));
    expect(again).toEqual(built.map((b) => renderDashboard(b.dashboard)));
    const other = configFromText('endpoints:\n  - name: solo\n    url: https://solo.example.com/hook\nalerts:\n  dlq: { max_depth: 7 }\n');
    const text = renderDashboard(buildDashboards(other)[0]!.dashboard);
    expect(text).toContain('"value": 7,');
    expect(text).not.toContain('partner-eu');
  });
});

describe('structural checks catch broken dashboards', () => {
  const base = () => json(built[0]!.dashboard) as unknown as DashboardJson & { panels: Record<string, unknown>[] };
  const mutate = (f: (p: Record<string, unknown>[], d: DashboardJson) => void): string[] => {
    const d = base();
    f(d.panels, d);
    return structuralProblems(d);
  };

  it.each<[string, (p: Record<string, unknown>[], d: DashboardJson) => void, RegExp]>([
    ['duplicate id', (p) => { p[2]!.id = p[1]!.id; }, /duplicate id/],
    ['panel past column 24', (p) => { p[1]!.gridPos = { x: 20, y: 1, w: 8, h: 8 }; }, /outside 24 columns/],
    ['overlap', (p) => { p[2]!.gridPos = { x: 4, y: 1, w: 8, h: 8 }; }, /overlaps/],
    ['missing unit', (p) => { delete (p[1]!.fieldConfig as { defaults: Record<string, unknown> }).defaults.unit; }, /no unit/],
    ['missing datasource', (p) => { delete p[1]!.datasource; }, /no datasource/],
    ['duplicate refId', (p) => { const t = p[6]!.targets as { refId: string }[]; t[1]!.refId = 'A'; }, /duplicate refId/],
    ['undefined variable', (_p, d) => { d.templating!.list = d.templating!.list!.filter((v) => v.name !== 'event_type'); }, /undefined variable \$event_type/],
  ])('%s', (_name, f, message) => {
    expect(mutate(f).join('\n')).toMatch(message);
  });
});
