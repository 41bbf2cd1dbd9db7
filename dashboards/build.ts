/**
 * Renders a `DashboardSpec` into Grafana's dashboard JSON model (v1, the
 * shape file provisioning and `/api/dashboards/db` take). Ids are numbered
 * in reading order, grid positions come from the layout helper.
 */
import {
  DashboardBuilder,
  DashboardCursorSync,
  RowBuilder,
  type Dashboard,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARDS } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import { GENERATED_NOTE } from '../output/index.js';
import { DASHBOARD_TAGS, SCHEMA_VERSION } from './constants.js';
import { layoutSections } from './layout.js';
import { dashboardLinks, runbookLinks } from './links.js';
import type { DashboardSpec } from './model.js';
import { panelBuilder } from './panels.js';
import { variables } from './variables.js';

/** Builds one dashboard. Deterministic: the same config gives the same JSON. */
export function buildDashboard(spec: DashboardSpec, config: Config): Dashboard {
  const { uid, title } = DASHBOARDS[spec.key];
  const b = new DashboardBuilder(title)
    .uid(uid)
    .description(`${spec.description} ${GENERATED_NOTE}`)
    .tags([...DASHBOARD_TAGS])
    .timezone('browser')
    .time({ from: 'now-6h', to: 'now' })
    .refresh('30s')
    .tooltip(DashboardCursorSync.Crosshair)
    .links(dashboardLinks(spec.key, config))
    .variables(variables(spec.variables, config, spec.singleEndpoint ?? false));

  const layout = layoutSections(spec.sections.map((s) => s.panels));
  let id = 0;
  spec.sections.forEach((section, i) => {
    const placed = layout[i]!;
    b.withRow(new RowBuilder(section.title).id(++id).gridPos(placed.row).collapsed(false));
    section.panels.forEach((panel, j) => {
      b.withPanel(panelBuilder(panel, ++id, placed.panels[j]!, runbookLinks(panel.alerts ?? [], config)));
    });
  });

  const dashboard = b.build();
  if (dashboard.schemaVersion !== SCHEMA_VERSION) {
    // The SDK decides the schema; a different one means the pinned Grafana image no longer matches.
    throw new Error(`Invalid schemaVersion ${dashboard.schemaVersion} from the SDK. Must be ${SCHEMA_VERSION}; update GRAFANA_IMAGE and SCHEMA_VERSION together.`);
  }
  // Grafana expects `annotations.list`; the SDK writes `{}` when there are none.
  return { ...dashboard, annotations: { list: [] } };
}
