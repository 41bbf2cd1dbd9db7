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
import { enabledComponents, forComponents, type Component } from './components.js';

export { checkGeneratedFiles, type CheckOptions } from './check.js';
export { ALERT_RULES_FILE, RECORDING_RULES_FILE } from './render.js';
export { ALERTMANAGER_FILE, TEMPLATE_PATH, unroutedWarnings } from './alertmanager/index.js';
export { alertGroups, recordingGroups } from './rules/index.js';
export { enabledComponents, forComponents, type Component } from './components.js';

/** The recording and alert groups for the components the config enables (see components.ts). */
export function configuredGroups(config: Config) {
  const enabled = enabledComponents(config);
  const seen = new Map<string, Set<Component>>();
  const recording = forComponents(recordingGroups(), enabled, seen);
  return { recording, alerting: forComponents(alertGroups(config), enabled, seen) };
}

/** Rule files, alertmanager.yml and its template, with paths relative to the build output dir. */
export function generateAlertFiles(config: Config): GeneratedFile[] {
  const source = basename(config.file);
  const { recording, alerting } = configuredGroups(config);
  return [
    { path: ALERT_RULES_FILE, content: renderRuleFile(alerting, source) },
    // A prober-only config records nothing: no file rather than an empty one.
    ...(recording.length ? [{ path: RECORDING_RULES_FILE, content: renderRuleFile(recording, source) }] : []),
    ...alertmanagerFiles(config, source),
  ];
}
