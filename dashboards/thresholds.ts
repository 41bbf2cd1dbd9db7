/**
 * Panel thresholds from the config. Alert limits come from
 * `config.alerts.defaults`, with a per-series override for each endpoint
 * whose own limit differs, so the line on an endpoint's series is the line
 * its alert uses.
 */
import type { Config, EndpointConfig } from '../config/index.js';
import type { Step, Thresholds } from './model.js';

/** No alert limit: a single base colour, not drawn. */
export const NEUTRAL: Thresholds = { steps: [{ value: null, color: 'green' }], show: false };

/** Bad at and above `limit` (error rates, latencies, depths). */
export const upperLimit = (limit: number, warning?: number): Step[] => [
  { value: null, color: 'green' },
  ...(warning !== undefined && warning < limit ? [{ value: warning, color: 'orange' } as const] : []),
  { value: limit, color: 'red' },
];

/** Bad below `limit` (success ratios, headroom, remaining budget). */
export const lowerLimit = (limit: number): Step[] => [
  { value: null, color: 'red' },
  { value: limit, color: 'green' },
];

/** Any value above zero is worth a look (skipped runs, parse errors, overflow). */
export const anyAboveZero: Thresholds = { steps: [{ value: null, color: 'green' }, { value: 1e-9, color: 'orange' }], show: false };

/**
 * Thresholds from a per-endpoint value: the global default for every series,
 * overridden by name for endpoints whose value differs. Series must be
 * legended `{{endpoint}}` for the overrides to apply.
 */
export function perEndpoint(
  config: Config,
  defaultValue: number,
  valueOf: (e: EndpointConfig) => number,
  steps: (v: number) => Step[],
): Thresholds {
  const perSeries = config.endpoints
    .filter((e) => valueOf(e) !== defaultValue)
    .map((e) => ({ name: e.name, steps: steps(valueOf(e)) }));
  return { steps: steps(defaultValue), show: true, ...(perSeries.length ? { perSeries } : {}) };
}

/**
 * The SLO success ratio most series should meet: endpoints have no global
 * SLO, so the default is the strictest one and the others are overrides.
 */
export function strictestSlo(config: Config): number {
  return Math.max(...config.endpoints.map((e) => e.slo.successRatio));
}

/** Success-ratio thresholds: red below each endpoint's SLO. */
export const sloThresholds = (config: Config): Thresholds =>
  perEndpoint(config, strictestSlo(config), (e) => e.slo.successRatio, lowerLimit);
