/**
 * Alerts: Prometheus alerting and recording rules and alertmanager.yml with
 * its notification templates, all compiled from the config through the
 * catalog and the SLI queries. `alerts/runbooks/<Alert>.md` holds one runbook per alert.
 */
import { basename } from 'node:path';
import type { Config } from '../config/index.js';
import { alertmanagerFiles } from './alertmanager/index.js';
import type { GeneratedFile } from '../output/index.js';
import { ALERT_RULES_FILE, RECORDING_RULES_FILE, renderRuleFile } from './render.js';
import { alertGroups, recordingGroups } from './rules/index.js';

export { checkGeneratedFiles, type CheckOptions } from './check.js';
export { ALERT_RULES_FILE, RECORDING_RULES_FILE } from './render.js';
export { ALERTMANAGER_FILE, TEMPLATE_PATH, unroutedWarnings } from './alertmanager/index.js';
export { alertGroups, recordingGroups } from './rules/index.js';

/** Rule files, alertmanager.yml and its template, with paths relative to the build output dir. */
export function generateAlertFiles(config: Config): GeneratedFile[] {
  const source = basename(config.file);
  return [
    { path: ALERT_RULES_FILE, content: renderRuleFile(alertGroups(config), source) },
    { path: RECORDING_RULES_FILE, content: renderRuleFile(recordingGroups(), source) },
    ...alertmanagerFiles(config, source),
  ];
}
