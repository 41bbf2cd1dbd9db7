/**
 * What `hookwatch check` warns about in the routing: severities whose alerts
 * reach nobody. The config is valid (a first run may have no receivers
 * yet), but every such alert ends in the `null` receiver.
 */
import type { Config } from '../../config/index.js';
import { NULL_RECEIVER } from './receivers.js';

const PAGED = ['critical', 'warning'] as const;

export function unroutedWarnings(config: Config): string[] {
  const empty = PAGED.filter((sev) => config.notify.resolvedRoutes[sev].length === 0);
  if (empty.length === PAGED.length) {
    return [`notify: no receivers for critical or warning alerts: every alert goes to the "${NULL_RECEIVER}" receiver and nobody is notified (configure notify.slack, notify.pagerduty, … or notify.routes)`];
  }
  return empty.map((sev) => `notify.routes.${sev}: no receiver: ${sev} alerts go to the "${NULL_RECEIVER}" receiver and nobody is notified`);
}
