/**
 * Runs `promtool test rules` (the real binary) on the rules generated for a
 * config. Tests state scenarios as input series plus, at given times, the
 * alerts that must be firing (with their value) or an empty list for "must
 * not fire"; the harness renders the expected annotations from the rule.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { AlertName } from '../../../../catalog/index.js';
import type { Config } from '../../../../config/index.js';
import { alertGroups, ALERT_RULES_FILE, RECORDING_RULES_FILE } from '../../../../alerts/index.js';
import { isAlertRule, type AlertRule } from '../../../../alerts/model.js';
import { runTool, writeGenerated } from '../support.js';
import { renderAnnotation } from './humanize.js';
import type { InputSeries } from './series.js';

export interface Firing {
  /** All labels except alertname: metric labels plus severity, condition, … */
  readonly labels: Record<string, string>;
  /** `$value` at the eval time (for the annotations). */
  readonly value: number;
}

export interface AlertCheck {
  readonly at: string;
  readonly alert: AlertName;
  /** Exactly the alerts of that name firing at `at`; [] means none. */
  readonly firing: readonly Firing[];
}

export interface ExprCheck {
  readonly at: string;
  readonly expr: string;
  readonly samples: readonly { labels: string; value: number }[];
}

export interface Scenario {
  readonly name: string;
  readonly interval?: string;
  readonly series: readonly InputSeries[];
  readonly alerts: readonly AlertCheck[];
  readonly exprs?: readonly ExprCheck[];
}

/** The rule an expected alert comes from: the one whose labels are the largest subset of the alert's. */
function ruleFor(config: Config, alert: AlertName, labels: Record<string, string>): AlertRule {
  const candidates = alertGroups(config).flatMap((g) => g.rules).filter(isAlertRule)
    .filter((r) => r.alert === alert && Object.entries(r.labels).every(([k, v]) => labels[k] === v))
    .sort((a, b) => Object.keys(b.labels).length - Object.keys(a.labels).length);
  const rule = candidates[0];
  if (!rule) throw new Error(`no ${alert} rule has labels ${JSON.stringify(labels)}`);
  return rule;
}

function expected(config: Config, alert: AlertName, f: Firing) {
  const rule = ruleFor(config, alert, f.labels);
  const annotations = Object.fromEntries(Object.entries(rule.annotations).map(([k, v]) => [k, renderAnnotation(v, f.labels, f.value)]));
  return { exp_labels: f.labels, exp_annotations: annotations };
}

/** Writes the test file next to the generated rules and runs promtool on it. */
export function promtoolTest(config: Config, scenarios: readonly Scenario[], evaluationInterval = '1m'): { ok: boolean; out: string; file: string } {
  const dir = writeGenerated(config);
  const doc = {
    rule_files: [RECORDING_RULES_FILE, ALERT_RULES_FILE],
    evaluation_interval: evaluationInterval,
    tests: scenarios.map((s) => ({
      name: s.name,
      interval: s.interval ?? '1m',
      input_series: s.series,
      alert_rule_test: s.alerts.map((a) => ({ eval_time: a.at, alertname: a.alert, exp_alerts: a.firing.map((f) => expected(config, a.alert, f)) })),
      ...(s.exprs ? { promql_expr_test: s.exprs.map((e) => ({ expr: e.expr, eval_time: e.at, exp_samples: e.samples })) } : {}),
    })),
  };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'rules.test.yml');
  writeFileSync(file, stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }));
  const r = runTool('promtool', ['test', 'rules', 'rules.test.yml'], dir);
  return { ok: r.ok, out: r.out, file };
}
