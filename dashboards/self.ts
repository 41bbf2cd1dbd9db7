/**
 * hookwatch / Self: is hookwatch itself keeping up? Exporter lag, parse
 * errors, checkpoint age, label overflow, ingest batches, prober schedule
 * drift, reloads, and each component's process: CPU, memory, heap,
 * event-loop lag.
 */
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { DashboardSpec, PanelSpec } from './model.js';
import { scheduleDriftSeconds } from '../queries/index.js';
import { EP, W } from './matchers.js';
import { NEUTRAL, anyAboveZero, upperLimit } from './thresholds.js';

const { aggregate, rate, selector, sumBy } = promql;
const BY_SOURCE = `{{${LABEL.source}}}`;

function exporter(config: Config): PanelSpec[] {
  const stalled = config.alerts.exporterStalledFor.seconds;
  return [
    {
      kind: 'timeseries', title: 'Exporter lag (bytes)', unit: 'bytes', decimals: 0, width: 8, height: 8, min: 0,
      description: 'Bytes written to each followed file but not yet read and counted (size − offset).',
      thresholds: NEUTRAL, alerts: ['HookwatchExporterStalled'],
      queries: [{ expr: sumBy([LABEL.source], `${selector(METRICS.exporterSourceSize)} - ${selector(METRICS.exporterSourceOffset)}`), legend: BY_SOURCE }],
    },
    {
      kind: 'timeseries', title: 'Exporter lag (event time)', unit: 's', decimals: 0, width: 8, height: 8, min: 0,
      description: 'Age of the newest record read from each source. The line is the exporter-stalled alert limit.',
      thresholds: { steps: upperLimit(stalled), show: true }, alerts: ['HookwatchExporterStalled'],
      queries: [{ expr: `time() - ${aggregate('max', [LABEL.source], selector(METRICS.exporterLastEvent))}`, legend: BY_SOURCE }],
    },
    {
      kind: 'stat', title: 'Checkpoint age', unit: 's', decimals: 0, width: 8, height: 8,
      description: 'Time since the exporter last persisted its position and counters. The red limit is the exporter-stalled alert limit.',
      thresholds: { steps: upperLimit(stalled), show: false }, alerts: ['HookwatchExporterStalled'],
      queries: [{ expr: `time() - ${aggregate('max', [], selector(METRICS.exporterLastCheckpoint))}`, legend: 'checkpoint age', instant: true }],
    },
    {
      kind: 'timeseries', title: 'Lines read', unit: 'ops', decimals: 1, width: 8, height: 8, min: 0,
      description: 'Complete lines read per second, per source.',
      thresholds: NEUTRAL,
      queries: [{ expr: sumBy([LABEL.source], rate(METRICS.exporterLinesRead, {}, W)), legend: BY_SOURCE }],
    },
    {
      kind: 'timeseries', title: 'Parse errors', unit: 'ops', decimals: 2, width: 8, height: 8, min: 0, stacked: true,
      description: 'Lines skipped per second because they could not be parsed, by source and reason.',
      thresholds: anyAboveZero,
      queries: [{ expr: sumBy([LABEL.source, LABEL.reason], rate(METRICS.exporterParseErrors, {}, W)), legend: `${BY_SOURCE} {{${LABEL.reason}}}` }],
    },
    {
      kind: 'timeseries', title: 'Label overflow', unit: 'ops', decimals: 2, width: 8, height: 8, min: 0,
      description: 'Records per second whose label value became "other" because the label reached its cap.',
      thresholds: anyAboveZero,
      queries: [{ expr: sumBy([LABEL.label], rate(METRICS.exporterLabelOverflow, {}, W)), legend: `{{${LABEL.label}}}` }],
    },
    {
      kind: 'timeseries', title: 'Ingest batches', unit: 'ops', decimals: 2, width: 24, height: 8, min: 0, stacked: true,
      description: 'HTTP ingest batches per second, by source and result: applied (new Idempotency-Key), replayed (a retry, not counted again), unkeyed (no key: at-least-once, a retry counts again).',
      thresholds: NEUTRAL,
      queries: [{ expr: sumBy([LABEL.source, LABEL.result], rate(METRICS.exporterIngestBatches, {}, W)), legend: `${BY_SOURCE} {{${LABEL.result}}}` }],
    },
  ];
}

function prober(config: Config): PanelSpec[] {
  const compact = config.prober.metrics === 'compact';
  return [
    {
      kind: 'timeseries', title: 'Prober schedule drift', unit: 's', decimals: 3, width: 12, height: 8, min: 0,
      description: compact
        ? 'How late the last probe run of each check started after its scheduled time, highest across endpoints (compact metrics: no drift histogram).'
        : 'How late probe runs started after their scheduled time (p95 and p99), per check.',
      thresholds: NEUTRAL, alerts: ['HookwatchProberAbsent'],
      queries: scheduleDriftSeconds(config.prober.metrics, EP, W, [0.95, 0.99]).map(({ q, expr }) => ({
        expr,
        legend: q === undefined ? `last {{${LABEL.check}}}` : `p${q * 100} {{${LABEL.check}}}`,
      })),
    },
    {
      kind: 'timeseries', title: 'Config reloads', unit: 'ops', decimals: 3, width: 12, height: 8, min: 0,
      description: 'Config reloads (SIGHUP) per second, by result.',
      thresholds: NEUTRAL,
      queries: [{ expr: sumBy([LABEL.result], rate(METRICS.configReloads, {}, W)), legend: `{{${LABEL.result}}}` }],
    },
  ];
}

const BY_COMPONENT = `{{${LABEL.component}}}`;
const PER_PROCESS = 'One line per component; with several processes of one component (regions, replicas), the highest. '
  + 'In `hookwatch up` the prober and the exporter are one process, so their lines coincide.';
/** The highest value of a per-process series, per component. */
const highest = (expr: string) => aggregate('max', [LABEL.component], expr);

function processes(): PanelSpec[] {
  return [
    {
      kind: 'timeseries', title: 'CPU', unit: 'percentunit', decimals: 1, width: 6, height: 8, min: 0,
      description: `CPU time (user and system) per second of wall time: 100% is one core busy. ${PER_PROCESS}`,
      thresholds: NEUTRAL,
      queries: [{ expr: highest(rate(METRICS.processCpu, {}, W)), legend: BY_COMPONENT }],
    },
    {
      kind: 'timeseries', title: 'Resident memory', unit: 'bytes', decimals: 0, width: 6, height: 8, min: 0,
      description: `Resident set size: memory the process holds. A line that only climbs is a leak. ${PER_PROCESS}`,
      thresholds: NEUTRAL,
      queries: [{ expr: highest(selector(METRICS.processResidentMemory)), legend: BY_COMPONENT }],
    },
    {
      kind: 'timeseries', title: 'JavaScript heap', unit: 'bytes', decimals: 0, width: 6, height: 8, min: 0,
      description: `V8 heap in use and allocated. ${PER_PROCESS}`,
      thresholds: NEUTRAL,
      queries: [
        { expr: highest(selector(METRICS.nodejsHeapUsed)), legend: `${BY_COMPONENT} used` },
        { expr: highest(selector(METRICS.nodejsHeapTotal)), legend: `${BY_COMPONENT} allocated` },
      ],
    },
    {
      kind: 'timeseries', title: 'Event-loop lag (p99)', unit: 's', decimals: 3, width: 6, height: 8, min: 0,
      description: `99th percentile of the event-loop delay since the process started: how long work waits for the loop. Probe timings and scrapes are late by about this much. ${PER_PROCESS}`,
      thresholds: NEUTRAL,
      queries: [{ expr: highest(selector(METRICS.nodejsEventLoopLagP99)), legend: BY_COMPONENT }],
    },
  ];
}

/** The hookwatch / Self dashboard for a config. */
export function self(config: Config): DashboardSpec {
  return {
    key: 'self',
    description: 'hookwatch itself: exporter lag, parse errors, checkpoint age, label overflow, ingest batches, prober schedule drift, config reloads, and each component\'s CPU, memory and event-loop lag.',
    variables: ['endpoint'],
    sections: [
      { title: 'Exporter', panels: exporter(config) },
      { title: 'Prober', panels: prober(config) },
      { title: 'Process', panels: processes() },
    ],
  };
}
