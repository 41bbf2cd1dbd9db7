/**
 * Alerts about hookwatch itself: a component that stopped reporting, an
 * exporter that stopped reading its logs or fails to parse them, and the
 * always-firing Watchdog that proves the alerting pipeline works end to end.
 */
import { LABEL, METRICS, promql } from '../../catalog/index.js';
import type { Config } from '../../config/index.js';
import { alertRule } from '../annotate.js';
import { num, times } from '../../output/index.js';
import type { AlertRule } from '../model.js';
import { silentRegions } from '../../queries/index.js';
import { SHORT_WINDOW } from './recording.js';

const { aggregate, rate, ratio, selector, sumBy } = promql;
/** Share of unparseable lines that means a format change, not a stray line. */
export const PARSE_ERROR_RATIO = 0.01;
const STALL_WINDOW = '5m';
/** How long a region that went silent is remembered (and alerted on) by the per-region HookwatchProberAbsent. */
export const REGION_MEMORY = '1h';

/**
 * `absent()` over the build-info gauge each component always exposes (the
 * component label is the metric's own `component` in the catalog).
 */
export function absentAlerts(config: Config): AlertRule[] {
  const absent = (component: 'prober' | 'exporter') => `absent(${selector(METRICS.buildInfo, { component })})`;
  return [
    alertRule(config, {
      alert: 'HookwatchProberAbsent',
      severity: 'critical',
      expr: absent(METRICS.probeUp.component as 'prober'),
      for: config.alerts.absentFor,
      summary: 'The hookwatch prober has disappeared.',
      description: `No hookwatch {{ $labels.component }} has been scraped for ${config.alerts.absentFor.text}: synthetic probes, endpoint-down and TLS alerts are blind.`,
      dashboard: 'self',
    }),
    // Per region: with several regions, absent() stays quiet while one is
    // gone, and that region silently drops out of min_regions' count.
    alertRule(config, {
      alert: 'HookwatchProberAbsent',
      severity: 'critical',
      condition: 'region_silent',
      expr: silentRegions(REGION_MEMORY),
      for: config.alerts.absentFor,
      summary: 'A region\'s hookwatch prober has gone silent.',
      description: `No probe results from region {{ $labels.region }} have reached the store for ${config.alerts.absentFor.text} (it reported within the last ${REGION_MEMORY}): its prober, its agent or its link to the central store is down, and WebhookEndpointDown counts one region less.`,
      dashboard: 'self',
    }),
    alertRule(config, {
      alert: 'HookwatchExporterAbsent',
      severity: 'critical',
      expr: absent(METRICS.deliveries.component as 'exporter'),
      for: config.alerts.absentFor,
      summary: 'The hookwatch exporter has disappeared.',
      description: `No hookwatch {{ $labels.component }} has been scraped for ${config.alerts.absentFor.text}: failure-rate, latency, DLQ and SLO alerts are blind.`,
      dashboard: 'self',
    }),
  ];
}

export function stalledAlerts(config: Config): AlertRule[] {
  const by = [LABEL.source] as const;
  const lag = `${aggregate('max', by, selector(METRICS.exporterSourceSize))} - ${aggregate('max', by, selector(METRICS.exporterSourceOffset))}`;
  const moved = aggregate('max', by, `changes(${selector(METRICS.exporterSourceOffset)}[${STALL_WINDOW}])`);
  return [
    alertRule(config, {
      alert: 'HookwatchExporterStalled',
      severity: 'warning',
      condition: 'stalled',
      // Unread bytes and an offset that has not moved: the tail is stuck.
      expr: `(${lag}) > 0 and on (${LABEL.source}) ${moved} == 0`,
      for: config.alerts.exporterStalledFor,
      summary: 'The hookwatch exporter stopped reading a delivery log.',
      description: `Source {{ $labels.source }} has {{ $value | humanize1024 }}B unread and its offset has not moved for ${config.alerts.exporterStalledFor.text}.`,
      dashboard: 'self',
    }),
    alertRule(config, {
      alert: 'HookwatchExporterStalled',
      severity: 'warning',
      condition: 'parse_errors',
      expr: `${ratio(sumBy(by, rate(METRICS.exporterParseErrors, {}, SHORT_WINDOW)), sumBy(by, rate(METRICS.exporterLinesRead, {}, SHORT_WINDOW)))} > ${num(PARSE_ERROR_RATIO)}`,
      for: config.alerts.exporterStalledFor,
      summary: 'The hookwatch exporter cannot parse a delivery log.',
      description: `{{ $value | humanizePercentage }} of the lines read from {{ $labels.source }} fail to parse (threshold ${num(times(PARSE_ERROR_RATIO, 100))}%): the log format or field mapping changed.`,
      dashboard: 'self',
    }),
  ];
}

/** Always firing: Alertmanager forwards it to a heartbeat that pages when it stops. */
export function watchdogAlert(config: Config): AlertRule {
  return alertRule(config, {
    alert: 'Watchdog',
    severity: 'info',
    expr: 'vector(1)',
    summary: 'An alert that is always firing, to prove the alerting pipeline works.',
    description: 'This alert always fires. Alertmanager sends it to the heartbeat receiver; when the heartbeat stops, Prometheus, its rules or Alertmanager are broken.',
    dashboard: 'self',
  });
}
