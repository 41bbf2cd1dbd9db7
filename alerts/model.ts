/**
 * The rule model: what the generators build and the renderers print. It
 * mirrors the Prometheus rule-file format closely so rendering is a plain
 * mapping, and keeps alert names typed by the catalog.
 */
import type { AlertName, Severity } from '../catalog/index.js';

export interface Annotations {
  readonly summary: string;
  readonly description: string;
  readonly runbook_url: string;
  readonly dashboard_url: string;
}

export interface AlertRule {
  readonly alert: AlertName;
  readonly expr: string;
  /** Prometheus duration text; omitted when the alert fires on the first evaluation. */
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>> & { readonly severity: Severity };
  readonly annotations: Annotations;
}

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
}

export interface RuleGroup<R = AlertRule | RecordingRule> {
  readonly name: string;
  readonly rules: readonly R[];
}

export function isAlertRule(r: AlertRule | RecordingRule): r is AlertRule {
  return 'alert' in r;
}
