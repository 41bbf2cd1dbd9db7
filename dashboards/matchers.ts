/**
 * What dashboards pass to the SLI queries (`queries/`) and to their own
 * panel queries: Grafana's windows and the template variables as matchers.
 * Grafana macros stay in the text: `substituteGrafanaMacros` turns them into
 * durations for offline checks.
 *
 * Dashboards compute SLIs from the raw counters instead of reading the
 * recording rules: every delivery panel honours the `event_type` variable,
 * which the per-endpoint records have aggregated away, and a 5m record
 * would blur a short time range that `$__rate_interval` keeps sharp.
 */
import { LABEL, promql } from '../catalog/index.js';

const { variable } = promql;

/** Window of rates on graphs: at least four scrapes, as Grafana computes it. */
export const W = '$__rate_interval';
/** The dashboard's time range, for whole-range stats. */
export const RANGE = '$__range';

/** Matchers for the dashboard variables. */
export const EP = { endpoint: variable(LABEL.endpoint) } as const;
export const EP_ET = { endpoint: variable(LABEL.endpoint), event_type: variable(LABEL.eventType) } as const;
export const EP_REGION = { endpoint: variable(LABEL.endpoint), region: variable(LABEL.region) } as const;

/** Legend of a per-endpoint series; per-endpoint threshold overrides match on it. */
export const BY_ENDPOINT = `{{${LABEL.endpoint}}}`;
