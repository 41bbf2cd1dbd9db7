/**
 * Synthetic-probe alerts: endpoint down (with a region quorum), signatures
 * consistently rejected, signatures not enforced by the receiver, and TLS
 * certificates close to expiry.
 */
import { DOWN_CHECKS, LABEL, METRICS, promql, type Check, type ProbeResult } from '../../catalog/index.js';
import { regionProbeIncrease, regionUp as dedupedRegionUp } from '../../queries/index.js';
import { duration, type Config } from '../../config/index.js';
import { alertRule } from '../annotate.js';
import { num, times } from '../../output/index.js';
import type { AlertRule } from '../model.js';
import { endpointMatch, scopes, type Scope } from '../scope.js';
import { SHORT_WINDOW } from './recording.js';

const { aggregate, oneOf, selector } = promql;

const DELIVERY: Check = 'delivery';
const ENFORCEMENT: Check = 'signature_enforcement';
const REJECTED: ProbeResult = 'rejected_signature';
const SUCCESS: ProbeResult = 'success';
/** A certificate's expiry does not flap; 10m only rides out a probe hitting another backend. */
const TLS_FOR = duration(600);
const DAY = 86400;

export function endpointDownAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => t.endpointDown).map((s) => {
    // A region is down when any of its checks fails in every HA twin there;
    // the alert needs a quorum of regions (regions, never replicas).
    const regionDown = `${regionUp(s, DOWN_CHECKS)} == 0`;
    return alertRule(config, {
      scope: s,
      alert: 'WebhookEndpointDown',
      severity: 'critical',
      expr: `${aggregate('count', [LABEL.endpoint], regionDown)} >= ${s.values.minRegions}`,
      for: s.values.for,
      summary: 'A webhook endpoint is down.',
      description: `Probes of {{ $labels.endpoint }} have failed from {{ $value }} region(s) for ${s.values.for.text} (quorum ${s.values.minRegions}).`,
      dashboard: 'synthetic',
    });
  });
}

/** One series per (endpoint, region): 0 when a check of these failed there (in every twin), 1 when all passed. */
function regionUp(s: Scope<unknown>, checks: readonly Check[]): string {
  return dedupedRegionUp({ ...endpointMatch(s), check: oneOf(checks) });
}

/**
 * The receiver accepted a forged or stale signed event while it is up (its
 * delivery and health probes pass in that region): the status page's
 * "Degraded: signatures not enforced". An unreachable receiver fails this
 * check too, but that is `WebhookEndpointDown`'s, so those regions are left
 * out. Generated only when some endpoint enables the check.
 */
export function signatureEnforcementAlerts(config: Config): AlertRule[] {
  if (!config.endpoints.some((e) => e.checks.signature_enforcement.enabled)) return [];
  return scopes(config, (t) => t.signature).map((s) => alertRule(config, {
    scope: s,
    alert: 'WebhookSignatureNotEnforced',
    severity: 'critical',
    expr: aggregate('count', [LABEL.endpoint], `${regionUp(s, [ENFORCEMENT])} == 0 and on (${LABEL.endpoint}, ${LABEL.region}) ${regionUp(s, DOWN_CHECKS)} == 1`),
    for: s.values.for,
    summary: 'A webhook endpoint accepts events with forged or stale signatures.',
    description: `{{ $labels.endpoint }} accepted forged or replayed signed events in {{ $value }} region(s) for ${s.values.for.text} while it answers real ones: anyone who knows its URL can send it events. Treat it as a security incident.`,
    dashboard: 'synthetic',
  }));
}

/**
 * Per region: one region's rejections are not hidden by successes elsewhere
 * (a secret rotated in one region only), and HA twins are not added up.
 */
export function signatureAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => t.signature).map((s) => {
    const probes = (result: ProbeResult) => regionProbeIncrease({ ...endpointMatch(s), check: DELIVERY, result }, SHORT_WINDOW);
    return alertRule(config, {
      scope: s,
      alert: 'WebhookSignatureRejected',
      severity: 'critical',
      // "Consistent": rejections and not a single success in the window, in that region.
      expr: `${probes(REJECTED)} > 0 unless on (${LABEL.endpoint}, ${LABEL.region}) ${probes(SUCCESS)} > 0`,
      for: s.values.for,
      summary: 'A webhook endpoint rejects our signatures.',
      description: `{{ $labels.endpoint }} rejected every signed probe (401/403) from region {{ $labels.region }} for ${s.values.for.text} ({{ $value | humanize }} in the last ${SHORT_WINDOW}): check the signing secret and a recent secret rotation.`,
      dashboard: 'synthetic',
    });
  });
}

export function tlsAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => t.tls).flatMap((s) => {
    const left = `${aggregate('min', [LABEL.endpoint], `${selector(METRICS.probeTlsExpiry, endpointMatch(s))} > 0`)} - time()`;
    const rule = (severity: 'warning' | 'critical', days: number) => alertRule(config, {
      scope: s,
      alert: 'WebhookTLSCertExpiring',
      severity,
      expr: `${left} < ${num(times(days, DAY))}`,
      for: TLS_FOR,
      summary: 'A webhook endpoint\'s TLS certificate expires soon.',
      description: `The certificate served by {{ $labels.endpoint }} expires in {{ $value | humanizeDuration }} (${severity} below ${num(days)} days).`,
      dashboard: 'synthetic',
    });
    return [rule('warning', s.values.warningDays), rule('critical', s.values.criticalDays)];
  });
}
