/** The rule files and dashboards of one build, as the chart's files and the plain manifests embed them. */
import { parse } from 'yaml';
import { ALERT_RULES_FILE, generateAlertFiles, RECORDING_RULES_FILE } from '../../alerts/index.js';
import type { Config } from '../../config/index.js';
import { generateDashboardFiles } from '../../dashboards/index.js';
import type { GeneratedFile } from '../../output/index.js';

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export interface Dashboard { readonly file: string; readonly json: string }
export interface RuleGroups { readonly groups: unknown[] }

/** Rule files and dashboards of a build, as the chart and the manifests embed them. */
export function builtParts(config: Config): { ruleFiles: GeneratedFile[]; groups: unknown[]; dashboards: Dashboard[] } {
  const ruleFiles = generateAlertFiles(config).filter((f) => f.path === ALERT_RULES_FILE || f.path === RECORDING_RULES_FILE);
  const groups = ruleFiles.flatMap((f) => (parse(f.content) as RuleGroups).groups);
  const dashboards = generateDashboardFiles(config).filter((f) => f.path.endsWith('.json')).map((f) => ({ file: base(f.path), json: f.content }));
  return { ruleFiles, groups, dashboards };
}

