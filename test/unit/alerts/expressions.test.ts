/**
 * Every generated expression parses with the PromQL grammar of Prometheus
 * 2.42 (@prometheus-io/lezer-promql 0.42.0), names only catalog metrics or
 * our own recording rules, and every alert carries what a human needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { LRParser } from '@lezer/lr';
import { describe, expect, it } from 'vitest';
import { ALERT_LABELS, ALERT_NAMES, ALL_METRICS, dashboardUrl, DASHBOARDS, metricByName, promql, runbookUrl, SEVERITIES } from '../../../catalog/index.js';
import { alertGroups, recordingGroups } from '../../../alerts/index.js';
import { isAlertRule, type AlertRule, type RecordingRule } from '../../../alerts/model.js';
import { ROOT } from '../../support/tools.js';
import { CASES, loadCase } from './support.js';

// The package's exports map carries no types in 0.42.0; its CommonJS build is typed by hand here.
const { parser } = createRequire(import.meta.url)('@prometheus-io/lezer-promql') as { parser: LRParser };

function rulesOf(name: string): (AlertRule | RecordingRule)[] {
  const config = loadCase(name);
  return [...recordingGroups(), ...alertGroups(config)].flatMap((g) => g.rules);
}

/** Syntax errors (lezer is error-tolerant: errors are nodes) and the metric names selected. */
function parse(expr: string): { errors: string[]; selected: string[] } {
  const errors: string[] = [];
  const selected: string[] = [];
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.type.isError) errors.push(`${n.from}: ${expr.slice(Math.max(0, n.from - 20), n.to + 20)}`);
      if (n.type.name === 'Identifier' && n.node.parent?.type.name === 'VectorSelector') selected.push(expr.slice(n.from, n.to));
    },
  });
  return { errors, selected };
}

describe.each(CASES)('generated rules (%s)', (name) => {
  const rules = rulesOf(name);
  const records = new Set(rules.filter((r): r is RecordingRule => !isAlertRule(r)).map((r) => r.record));

  it('every expression parses with the Prometheus 2.42 grammar', () => {
    for (const r of rules) expect(parse(r.expr).errors, r.expr).toEqual([]);
  });

  it('every selected series is a catalog metric or one of our recording rules', () => {
    for (const r of rules) {
      const { selected } = parse(r.expr);
      expect(selected.length, r.expr).toBeGreaterThan(isAlertRule(r) && r.alert === 'Watchdog' ? -1 : 0);
      const builtin = new Set<string>(promql.BUILTIN_SERIES);
      for (const s of selected) expect(metricByName(s) !== undefined || records.has(s) || builtin.has(s), `${s} in ${r.expr}`).toBe(true);
      // metricNamesIn (catalog) finds the same families the parser does.
      const families = new Set(selected.filter((s) => metricByName(s)).map((s) => metricByName(s)!.name));
      expect(new Set(promql.metricNamesIn(r.expr, ALL_METRICS)), r.expr).toEqual(families);
    }
  });

  it('recording rules are named level:metric:operation after a catalog metric', () => {
    for (const rec of records) {
      const [level, metric, op] = rec.split(':');
      expect(level, rec).toBe('endpoint');
      expect(ALL_METRICS.some((m) => m.name.replace(/_total$/, '') === metric), rec).toBe(true);
      expect(op, rec).toMatch(/^[a-z0-9_]+$/);
    }
  });

  it('every alert has a severity, a summary, a templated description, a runbook and a dashboard link', () => {
    const config = loadCase(name);
    const alerts = rules.filter(isAlertRule);
    for (const a of alerts) {
      expect(SEVERITIES, a.alert).toContain(a.labels[ALERT_LABELS.severity]);
      expect(a.annotations.summary, a.alert).toMatch(/^[A-Z].*\.$/);
      expect(a.annotations.description, a.alert).toMatch(a.alert === 'Watchdog' ? /\.$/ : /\{\{ \$(labels\.\w+|value)/);
      expect(a.annotations.runbook_url).toBe(runbookUrl(a.alert, config.alerts.runbookBaseUrl));
      const dashboards = Object.keys(DASHBOARDS).map((k) => dashboardUrl(k as keyof typeof DASHBOARDS, config.grafana.url));
      expect(dashboards, a.alert).toContain(a.annotations.dashboard_url.replace('?var-endpoint={{ $labels.endpoint }}', ''));
    }
  });

  it('generates every alert in the catalog, and nothing else (WebhookSignatureNotEnforced only for an endpoint with signature_enforcement)', () => {
    const enforced = loadCase(name).endpoints.some((e) => e.checks.signature_enforcement.enabled);
    const expected = ALERT_NAMES.filter((a) => enforced || a !== 'WebhookSignatureNotEnforced');
    expect(new Set(rules.filter(isAlertRule).map((a) => a.alert))).toEqual(new Set(expected));
  });
});

describe('runbooks', () => {
  it.each(ALERT_NAMES)('alerts/runbooks/%s.md exists, is titled after the alert and has steps', (alert) => {
    const file = join(ROOT, 'alerts/runbooks', `${alert}.md`);
    expect(existsSync(file), file).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${alert}`);
    expect(text).toMatch(/^## /m);
    expect(text).toMatch(/^1\. /m);
  });
});

describe('runbook index', () => {
  it('lists every alert with the severities its rules really have', () => {
    const index = readFileSync(join(ROOT, 'alerts/runbooks/README.md'), 'utf8');
    const rules = CASES.flatMap(rulesOf).filter(isAlertRule);
    for (const alert of ALERT_NAMES) {
      const row = index.split('\n').find((l) => l.startsWith(`| ${alert} |`));
      expect(row, alert).toBeDefined();
      for (const sev of new Set(rules.filter((r) => r.alert === alert).map((r) => r.labels.severity))) expect(row, `${alert} ${sev}`).toContain(sev);
    }
  });
});
