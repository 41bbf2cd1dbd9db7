/** Rule files: the model printed in Prometheus's rule-file format. */
import { nonEmpty, renderYaml } from '../output/index.js';
import type { AlertRule, RecordingRule, RuleGroup } from './model.js';

export const ALERT_RULES_FILE = 'prometheus/rules/hookwatch-alerts.yml';
export const RECORDING_RULES_FILE = 'prometheus/rules/hookwatch-recording.yml';

/** Fixed key order: name, expr, for, labels, annotations (as the docs print them). */
function ruleDoc(r: AlertRule | RecordingRule): Record<string, unknown> {
  if ('record' in r) return { record: r.record, expr: r.expr };
  return { alert: r.alert, expr: r.expr, ...(r.for ? { for: r.for } : {}), labels: { ...r.labels }, annotations: { ...r.annotations } };
}

export function renderRuleFile(groups: readonly RuleGroup[], source: string): string {
  const filled = nonEmpty(groups.filter((g) => g.rules.length > 0), source);
  return renderYaml({ groups: filled.map((g) => ({ name: g.name, rules: g.rules.map(ruleDoc) })) }, source);
}
