/**
 * Every rule group, in the order they are written. Alert groups are split
 * by concern so `promtool` and the Prometheus UI show them apart.
 */
import type { Config } from '../../config/index.js';
import type { AlertRule, RecordingRule, RuleGroup } from '../model.js';
import { endpointDownAlerts, signatureAlerts, signatureEnforcementAlerts, tlsAlerts } from './availability.js';
import { dlqAlerts, rateLimitAlerts } from './capacity.js';
import { failureRateAlerts, retryRateAlerts } from './delivery.js';
import { inhibitorAlerts } from './inhibitors.js';
import { latencyAlerts } from './latency.js';
import { maintenanceRecordingRules } from './maintenance.js';
import { absentAlerts, stalledAlerts, watchdogAlert } from './meta.js';
import { recordingGroup, sloRecordingRules } from './recording.js';
import { burnRateAlerts } from './slo.js';

export function recordingGroups(): RuleGroup<RecordingRule>[] {
  return [recordingGroup()];
}

/** Alert groups; `hookwatch.slo` also records the error ratios its alerts read, ahead of them. */
export function alertGroups(config: Config): RuleGroup<AlertRule | RecordingRule>[] {
  return [
    { name: 'hookwatch.slo', rules: [...sloRecordingRules(), ...maintenanceRecordingRules(config), ...burnRateAlerts(config)] },
    { name: 'hookwatch.delivery', rules: [...failureRateAlerts(config), ...retryRateAlerts(config)] },
    { name: 'hookwatch.availability', rules: [...endpointDownAlerts(config), ...inhibitorAlerts(config), ...signatureAlerts(config), ...signatureEnforcementAlerts(config), ...tlsAlerts(config)] },
    { name: 'hookwatch.capacity', rules: [...latencyAlerts(config), ...dlqAlerts(config), ...rateLimitAlerts(config)] },
    { name: 'hookwatch.meta', rules: [...absentAlerts(config), ...stalledAlerts(config), watchdogAlert(config)] },
  ];
}
