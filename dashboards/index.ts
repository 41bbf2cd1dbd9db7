/**
 * Dashboards as code: the catalog and the config in, Grafana dashboard JSON
 * and provisioning files out.
 */
import { DASHBOARDS, type DashboardKey } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { GeneratedFile } from '../output/index.js';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { buildDashboard } from './build.js';
import { OUTPUT_PATHS } from './constants.js';
import { endpoint } from './endpoint.js';
import type { DashboardSpec } from './model.js';
import { overview } from './overview.js';
import { performance } from './performance.js';
import { datasourceYaml, providerYaml } from './provisioning.js';
import { self } from './self.js';
import { synthetic } from './synthetic.js';

export * from './constants.js';
export { substituteGrafanaMacros, variablesIn, MACRO_DURATIONS } from './macros.js';
export { SHOWN_ON, type Placement } from './coverage.js';
export { pushDashboards, type PushOptions, type PushResult, GrafanaApiError, type GrafanaAuth } from './push/index.js';

/** One generator per catalog dashboard: a new dashboard uid without a generator does not compile. */
const SPECS: { readonly [K in DashboardKey]: (config: Config) => DashboardSpec } = {
  overview, endpoint, synthetic, performance, self,
};

/** Every dashboard for a config, in catalog order. */
export function buildDashboards(config: Config): { key: DashboardKey; dashboard: Dashboard }[] {
  return (Object.keys(DASHBOARDS) as DashboardKey[]).map((key) => ({ key, dashboard: buildDashboard(SPECS[key](config), config) }));
}

/** Canonical JSON text of a dashboard: two-space indent, trailing newline. */
export function renderDashboard(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

/**
 * The dashboard JSON files and Grafana provisioning files for a config.
 * JSON cannot carry a comment, so the "do not edit" note is in each
 * dashboard's description; YAML files get a comment header.
 */
export function generateDashboardFiles(config: Config): GeneratedFile[] {
  return [
    ...buildDashboards(config).map(({ dashboard }) => ({
      path: `${OUTPUT_PATHS.dashboardsDir}/${dashboard.uid}.json`,
      content: renderDashboard(dashboard),
    })),
    { path: OUTPUT_PATHS.datasource, content: datasourceYaml(config) },
    { path: OUTPUT_PATHS.provider, content: providerYaml(config) },
  ];
}

/** Every panel query, Grafana macros left in, for checks and the end-to-end test. */
export function dashboardQueries(config: Config): { dashboard: string; panel: string; expr: string }[] {
  return buildDashboards(config).flatMap(({ dashboard }) =>
    (dashboard.panels ?? []).flatMap((p) =>
      'targets' in p && p.targets
        ? p.targets.map((t) => ({ dashboard: dashboard.uid ?? '', panel: p.title ?? '', expr: String((t as { expr?: unknown }).expr ?? '') }))
        : [],
    ),
  );
}
