/**
 * Turns a `PanelSpec` into a foundation-SDK panel builder. The SDK leaves
 * ids and refIds unset (Grafana then mixes panels up), so they are passed in
 * explicitly along with the computed grid position.
 */
import * as common from '@grafana/grafana-foundation-sdk/common';
import {
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type DashboardLink,
  type DynamicConfigValue,
} from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import type { GridPos } from './layout.js';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import type { PanelSpec, Query, Step } from './model.js';
import { DATASOURCE_REF } from './variables.js';

/** refIds A…Z: Grafana's own naming, stable across regenerations. */
export function refId(index: number): string {
  if (index < 0 || index > 25) throw new RangeError(`Invalid query index ${index}. Must be 0–25 (refIds A–Z).`);
  return String.fromCharCode(65 + index);
}

const thresholdsConfig = (steps: readonly Step[]) =>
  new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps.map((s) => ({ value: s.value, color: s.color })));

const thresholdOverride = (steps: readonly Step[]): DynamicConfigValue[] => [
  { id: 'thresholds', value: { mode: ThresholdsMode.Absolute, steps: steps.map((s) => ({ value: s.value, color: s.color })) } },
];

function target(q: Query, index: number): prometheus.DataqueryBuilder {
  const t = new prometheus.DataqueryBuilder().refId(refId(index)).expr(q.expr).legendFormat(q.legend).datasource(DATASOURCE_REF);
  return q.instant ? t.instant() : t.range();
}

/** Settings every panel kind shares: identity, data, unit, decimals, thresholds. */
function applyCommon<P extends timeseries.PanelBuilder | stat.PanelBuilder>(p: P, spec: PanelSpec, id: number, pos: GridPos, panelLinks: cog.Builder<DashboardLink>[]): P {
  p.id(id)
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE_REF)
    .gridPos({ x: pos.x, y: pos.y, w: pos.w, h: pos.h })
    .unit(spec.unit)
    .decimals(spec.decimals)
    .thresholds(thresholdsConfig(spec.thresholds.steps))
    .targets(spec.queries.map(target));
  if (spec.min !== undefined) p.min(spec.min);
  if (spec.max !== undefined) p.max(spec.max);
  for (const o of spec.thresholds.perSeries ?? []) p.overrideByName(o.name, thresholdOverride(o.steps));
  if (panelLinks.length) p.links(panelLinks);
  return p;
}

function timeseriesPanel(spec: PanelSpec): timeseries.PanelBuilder {
  return new timeseries.PanelBuilder()
    .legend(new common.VizLegendOptionsBuilder().displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom).showLegend(true).calcs([]))
    .tooltip(new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending))
    .thresholdsStyle(new common.GraphThresholdsStyleConfigBuilder().mode(spec.thresholds.show ? common.GraphThresholdsStyleMode.Dashed : common.GraphThresholdsStyleMode.Off))
    .stacking(new common.StackingConfigBuilder().mode(spec.stacked ? common.StackingMode.Normal : common.StackingMode.None))
    .fillOpacity(spec.stacked ? 40 : 10)
    .lineWidth(1)
    .showPoints(common.VisibilityMode.Never)
    .spanNulls(false);
}

function statPanel(): stat.PanelBuilder {
  return new stat.PanelBuilder()
    .reduceOptions(new common.ReduceDataOptionsBuilder().values(false).calcs(['lastNotNull']).fields(''))
    .colorMode(common.BigValueColorMode.Value)
    .graphMode(common.BigValueGraphMode.None)
    .textMode(common.BigValueTextMode.Auto)
    .justifyMode(common.BigValueJustifyMode.Auto)
    .orientation(common.VizOrientation.Auto);
}

/** The SDK builder of one panel, positioned and numbered. */
export function panelBuilder(spec: PanelSpec, id: number, pos: GridPos, panelLinks: cog.Builder<DashboardLink>[]): timeseries.PanelBuilder | stat.PanelBuilder {
  if (spec.queries.length === 0) throw new TypeError(`Invalid panel "${spec.title}". Must have at least one query.`);
  return spec.kind === 'stat' ? applyCommon(statPanel(), spec, id, pos, panelLinks) : applyCommon(timeseriesPanel(spec), spec, id, pos, panelLinks);
}
