/**
 * No recording rule nothing reads: every `record:` of the generated rule
 * files appears in an alert expression or a dashboard query, both in the
 * model for each golden case and in the committed generated/ files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { alertGroups, recordingGroups } from '../../../alerts/index.js';
import { isAlertRule } from '../../../alerts/model.js';
import { dashboardQueries } from '../../../dashboards/index.js';
import { ROOT } from '../../support/tools.js';
import { CASES, loadCase } from './support.js';

/** Records that no reader names as a whole series name. */
function unread(records: readonly string[], readers: readonly string[]): string[] {
  const named = (name: string, expr: string) => new RegExp(`(^|[^a-zA-Z0-9_:])${name}($|[^a-zA-Z0-9_:])`).test(expr);
  return records.filter((r) => !readers.some((expr) => named(r, expr)));
}

describe.each(CASES)('recording rules (%s)', (name) => {
  it('are each read by an alert or a dashboard', () => {
    const config = loadCase(name);
    const rules = [...recordingGroups(), ...alertGroups(config)].flatMap((g) => g.rules);
    const records = rules.flatMap((r) => (isAlertRule(r) ? [] : [r.record]));
    const readers = [...rules.filter(isAlertRule).map((r) => r.expr), ...dashboardQueries(config).map((q) => q.expr)];
    expect(records.length).toBeGreaterThan(0);
    expect(unread(records, readers)).toEqual([]);
  });
});

describe('generated/', () => {
  it('records nothing that its alert rules and dashboards do not read', () => {
    const rulesDir = join(ROOT, 'generated/prometheus/rules');
    const dashboardsDir = join(ROOT, 'generated/grafana/dashboards');
    type RuleFile = { groups: { rules: { record?: string; alert?: string; expr: string }[] }[] };
    const rules = readdirSync(rulesDir).flatMap((f) => (parse(readFileSync(join(rulesDir, f), 'utf8')) as RuleFile).groups.flatMap((g) => g.rules));
    type DashboardJson = { panels: { targets?: { expr: string }[] }[] };
    const queries = readdirSync(dashboardsDir).flatMap((f) =>
      (JSON.parse(readFileSync(join(dashboardsDir, f), 'utf8')) as DashboardJson).panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
    const records = rules.flatMap((r) => (r.record ? [r.record] : []));
    expect(records.length).toBeGreaterThan(0);
    expect(queries.length).toBeGreaterThan(0);
    expect(unread(records, [...rules.filter((r) => r.alert).map((r) => r.expr), ...queries])).toEqual([]);
  });
});
