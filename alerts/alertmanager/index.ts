/** alertmanager.yml and its template file from `notify:`. */
import type { Config } from '../../config/index.js';
import { renderYaml, withHeader, type GeneratedFile } from '../../output/index.js';
import { TEMPLATE_FILE, TEMPLATE_TEXT } from '../templates/hookwatch.js';
import { inhibitRules } from './inhibit.js';
import { timeIntervals } from './maintenance.js';
import { receivers } from './receivers.js';
import { routeTree } from './routes.js';

export { unroutedWarnings } from './nowhere.js';

export const ALERTMANAGER_FILE = 'alertmanager/alertmanager.yml';
export const TEMPLATE_PATH = `alertmanager/templates/${TEMPLATE_FILE}`;

export function alertmanagerFiles(config: Config, source: string): GeneratedFile[] {
  const doc = {
    global: { resolve_timeout: '5m' },
    // Relative to alertmanager.yml, so the folder can be mounted anywhere.
    templates: ['templates/*.tmpl'],
    route: routeTree(config),
    inhibit_rules: inhibitRules(),
    receivers: receivers(config),
  };
  const intervals = timeIntervals(config);
  if (intervals.length) Object.assign(doc, { time_intervals: intervals });
  return [
    { path: ALERTMANAGER_FILE, content: renderYaml(doc, source) },
    { path: TEMPLATE_PATH, content: withHeader(TEMPLATE_TEXT, '{{/*', source) },
  ];
}
