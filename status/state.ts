/**
 * The state a person reads first: up, degraded, down (or unknown before the
 * first probe), with a one-line reason, so the page never relies on colour.
 *
 * Rules, in order:
 * 1. no probe yet → unknown;
 * 2. the last probe failed → down;
 * 3. the last probe was slow (`degraded_after_seconds`) → degraded;
 * 4. any of the previous `FLAP_WINDOW` probes failed → degraded (recovering
 *    or flapping: one success does not make an endpoint healthy);
 * 5. otherwise → up.
 *
 * Only a check of `DOWN_CHECKS` (delivery, health) can be down, the checks
 * `WebhookEndpointDown` judges. A failing `signature_enforcement` check
 * means a receiver that answers but accepts forged or stale events:
 * degraded ("signatures not enforced"), which `WebhookSignatureNotEnforced`
 * alerts on.
 */
import { DOWN_CHECKS, type Check, type ProbeResult } from '../catalog/labels.js';
import type { State } from './api-types.js';
import type { ProbeRing } from './ring.js';

/** How `signature_enforcement` reports a forged or stale event that was not refused. */
const NOT_REFUSED: ProbeResult = 'assertion_failed';

/** Recent probes looked at for flapping, the last one included. */
export const FLAP_WINDOW = 5;

export interface StateVerdict {
  readonly state: State;
  readonly reason: string;
}

/** Whether a failure of this check makes the endpoint down (else degraded). */
export function canBeDown(check: Check): boolean {
  return (DOWN_CHECKS as readonly Check[]).includes(check);
}

/** State of one endpoint and check from its ring. */
export function stateOf(ring: ProbeRing | undefined, check: Check = 'delivery'): StateVerdict {
  const last = ring?.newest(0);
  if (!ring || !last) return { state: 'unknown', reason: 'no probe yet' };
  if (!last.success && !canBeDown(check)) {
    // Accepted what it should refuse; without an answer nothing was learnt (the delivery check says down).
    const what = last.result === NOT_REFUSED ? 'signatures not enforced' : 'signature enforcement not tested';
    return { state: 'degraded', reason: `${what}: ${last.detail || last.result}` };
  }
  if (!last.success) return { state: 'down', reason: last.detail || last.result };
  if (last.degraded) return { state: 'degraded', reason: last.detail || 'slower than degraded_after_seconds' };
  const n = Math.min(FLAP_WINDOW, ring.size);
  let failed = 0;
  for (let k = 1; k < n; k++) if (!ring.successAt(k)) failed++;
  if (failed) return { state: 'degraded', reason: `${failed} of the last ${n} probes failed` };
  return { state: 'up', reason: 'last probes succeeded' };
}

const SEVERITY: Record<State, number> = { unknown: 0, up: 1, degraded: 2, down: 3 };

/**
 * The worst state of several checks (an endpoint's headline state).
 * Unknown only when every check is unknown.
 */
export function worstState(states: readonly State[]): State {
  let worst: State = 'unknown';
  for (const s of states) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}
