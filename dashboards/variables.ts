/**
 * Template variables: the datasource, and `endpoint`, `event_type` and
 * `region`, each matching "All" as `.*` so queries can always use `=~`.
 */
import {
  CustomVariableBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
  type VariableModel,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import { DATASOURCE_NAME, DATASOURCE_UID } from './constants.js';
import type { VariableName } from './model.js';

/** Name of the datasource variable; panels reference it as `${datasource}`. */
export const DATASOURCE_VARIABLE = 'datasource';

/** The datasource reference every panel and query variable uses. */
export const DATASOURCE_REF = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` } as const;

/** What "All" matches: any value, so `label=~"$var"` keeps every series. */
const ALL = '.*';

function datasourceVariable(): DatasourceVariableBuilder {
  return new DatasourceVariableBuilder(DATASOURCE_VARIABLE)
    .label('Data source')
    .type('prometheus')
    .current({ selected: true, text: DATASOURCE_NAME, value: DATASOURCE_UID });
}

/**
 * Endpoints come from the config (they are the `endpoint` label values by
 * definition); "All" also covers endpoints discovered only in delivery logs.
 */
function endpointVariable(config: Config, single: boolean): CustomVariableBuilder {
  const names = config.endpoints.map((e) => e.name);
  const first = names[0] ?? '';
  const v = new CustomVariableBuilder(LABEL.endpoint).label('Endpoint').values(names.join(','));
  return single
    ? v.multi(false).includeAll(false).current({ selected: true, text: first, value: first })
    : v.multi(true).includeAll(true).allValue(ALL).current({ selected: true, text: ['All'], value: ['$__all'] });
}

/** A multi-value query variable over one label of a catalog metric. */
function labelVariable(name: string, label: string, source: string): QueryVariableBuilder {
  return new QueryVariableBuilder(name)
    .label(label)
    .query(`label_values(${source}, ${name})`)
    .datasource(DATASOURCE_REF)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue(ALL)
    .current({ selected: true, text: ['All'], value: ['$__all'] });
}

/** The variables of one dashboard, datasource first. */
export function variables(names: readonly VariableName[], config: Config, singleEndpoint: boolean): cog.Builder<VariableModel>[] {
  const out: cog.Builder<VariableModel>[] = [datasourceVariable()];
  for (const n of names) {
    if (n === 'endpoint') out.push(endpointVariable(config, singleEndpoint));
    if (n === 'event_type') out.push(labelVariable(LABEL.eventType, 'Event type', promql.selector(METRICS.deliveries)));
    if (n === 'region') out.push(labelVariable(LABEL.region, 'Region', promql.selector(METRICS.probeUp)));
  }
  return out;
}
