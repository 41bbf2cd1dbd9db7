/**
 * Webhooks / Synthetic probes: what the prober sees, by region and check,
 * including whether receivers enforce signatures and whether runs were skipped.
 */
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import type { DashboardSpec, PanelSpec } from './model.js';
import { probeFailureRate, probePhaseSeconds, regionProbeIncrease, syntheticAvailability } from '../queries/index.js';
import { BY_ENDPOINT, EP, EP_REGION, RANGE, W } from './matchers.js';
import { NEUTRAL, anyAboveZero, lowerLimit, sloThresholds, strictestSlo, upperLimit } from './thresholds.js';

const { aggregate, increase, rate, range, selector, sumBy } = promql;
const BY_REGION_CHECK = `{{${LABEL.endpoint}}} {{${LABEL.region}}} {{${LABEL.check}}}`;

function availability(config: Config): PanelSpec[] {
  return [
    {
      kind: 'timeseries', title: 'Availability by region and check', unit: 'percentunit', decimals: 2, width: 16, height: 8, max: 1,
      description: 'Share of successful probes per endpoint, region and check. The line is the strictest SLO of the configured endpoints.',
      thresholds: { steps: lowerLimit(strictestSlo(config)), show: true }, alerts: ['WebhookEndpointDown'],
      queries: [{
        expr: aggregate('avg', [LABEL.endpoint, LABEL.region, LABEL.check], `avg_over_time(${range(METRICS.probeUp, EP_REGION, W)})`),
        legend: BY_REGION_CHECK,
      }],
    },
    {
      kind: 'stat', title: 'Availability over the range', unit: 'percentunit', decimals: 3, width: 8, height: 8,
      description: 'Share of successful probes per endpoint over the selected time range, against each endpoint\'s SLO.',
      thresholds: sloThresholds(config), alerts: ['WebhookEndpointDown'],
      queries: [{ expr: syntheticAvailability(EP_REGION, RANGE), legend: BY_ENDPOINT, instant: true }],
    },
  ];
}

function phases(config: Config): PanelSpec[] {
  const mode = config.prober.metrics;
  const compact = mode === 'compact';
  return [
    {
      kind: 'timeseries', title: compact ? 'Phase breakdown (last probes, mean)' : 'Phase breakdown (median)', unit: 's', decimals: 3, width: 12, height: 8, min: 0, stacked: true,
      description: compact
        ? 'Mean duration of each request phase of the last probes of the selected endpoints and regions, stacked: where a probe spends its time (compact metrics: no phase histograms).'
        : 'Median duration of each request phase across the selected endpoints and regions, stacked: where a probe spends its time.',
      thresholds: NEUTRAL,
      queries: [{ expr: probePhaseSeconds(mode, EP_REGION, W, 0.5), legend: `{{${LABEL.phase}}}` }],
    },
    {
      kind: 'timeseries', title: 'Probe results', unit: 'ops', decimals: 2, width: 12, height: 8, min: 0, stacked: true,
      description: compact ? 'Probes per second: successes, signatures rejected, and failures of any class (compact metrics count no other class).' : 'Probes per second by result.',
      thresholds: NEUTRAL, alerts: ['WebhookEndpointDown'],
      queries: [
        { expr: sumBy([LABEL.result], rate(METRICS.probes, EP_REGION, W)), legend: `{{${LABEL.result}}}` },
        ...(compact ? [{ expr: probeFailureRate(mode, EP_REGION, W), legend: 'failed (any class)' }] : []),
      ],
    },
  ];
}

function enforcement(): PanelSpec[] {
  return [
    {
      kind: 'stat', title: 'Signature enforcement', unit: 'none', decimals: 0, width: 8, height: 6,
      description: '1 when the receiver rejected the deliberately unsigned probe (good), 0 when it accepted it.',
      thresholds: { steps: lowerLimit(1), show: false },
      queries: [{ expr: aggregate('min', [LABEL.endpoint], selector(METRICS.probeUp, { ...EP_REGION, check: 'signature_enforcement' })), legend: BY_ENDPOINT, instant: true }],
    },
    {
      kind: 'stat', title: 'Signed probes rejected', unit: 'short', decimals: 0, width: 8, height: 6,
      description: 'Correctly signed probes the receiver rejected over the time range, summed over regions (HA twins counted once): a secret or scheme mismatch.',
      thresholds: { steps: upperLimit(1), show: false }, alerts: ['WebhookSignatureRejected'],
      queries: [{ expr: sumBy([LABEL.endpoint], regionProbeIncrease({ ...EP_REGION, check: 'delivery', result: 'rejected_signature' }, RANGE)), legend: BY_ENDPOINT, instant: true }],
    },
    {
      kind: 'stat', title: 'Skipped runs', unit: 'short', decimals: 0, width: 8, height: 6,
      description: 'Scheduled probe runs skipped over the time range because the previous run was still going.',
      thresholds: anyAboveZero,
      queries: [{ expr: sumBy([LABEL.endpoint, LABEL.check], increase(METRICS.proberSkippedRuns, EP, RANGE)), legend: `{{${LABEL.endpoint}}} {{${LABEL.check}}}`, instant: true }],
    },
  ];
}

/** The Synthetic probes dashboard for a config. */
export function synthetic(config: Config): DashboardSpec {
  return {
    key: 'synthetic',
    description: 'Synthetic probes: availability by region and check, phase breakdown, signature enforcement and skipped runs.',
    variables: ['endpoint', 'region'],
    sections: [
      { title: 'Availability', panels: availability(config) },
      { title: 'Phases and results', panels: phases(config) },
      { title: 'Signatures and scheduling', panels: enforcement() },
    ],
  };
}
