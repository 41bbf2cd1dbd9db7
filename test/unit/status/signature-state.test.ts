/**
 * What is down and what is degraded, on the page as in the alerts: only the
 * checks `WebhookEndpointDown` judges (delivery, health) make an endpoint
 * Down; a failing `signature_enforcement` check leaves it Degraded
 * ("signatures not enforced"), which `WebhookSignatureNotEnforced` covers.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS, DOWN_CHECKS } from '../../../catalog/index.js';
import { alertGroups } from '../../../alerts/index.js';
import { isAlertRule } from '../../../alerts/model.js';
import { buildTargets } from '../../../prober/targets.js';
import { StatusHistory } from '../../../status/history.js';
import { buildStatus } from '../../../status/model.js';
import { ProbeRing } from '../../../status/ring.js';
import { canBeDown, stateOf } from '../../../status/state.js';
import { configFromYaml } from '../../support/config.js';
import { failure, outcome } from './outcomes.js';

const NOW = 1_000;
const config = configFromYaml(`
endpoints:
  - name: lax
    url: http://127.0.0.1:1/webhook
    signing: { scheme: standard-webhooks, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }
    checks: { signature_enforcement: { enabled: true } }
`);
const ACCEPTED = { check: 'signature_enforcement' as const, result: 'assertion_failed' as const, status: 202, detail: 'forged signature accepted with status 202: the receiver does not verify signatures' };

function headline(deliveryOk: boolean) {
  const history = new StatusHistory(10);
  history.record(deliveryOk ? outcome(NOW - 2, { endpoint: 'lax' }) : failure(NOW - 2, { endpoint: 'lax' }));
  history.record(failure(NOW - 1, { endpoint: 'lax', ...ACCEPTED }));
  return buildStatus({ config, targets: buildTargets(config), history, now: NOW, version: 'x' }).endpoints[0]!;
}

describe('signature_enforcement on the status page', () => {
  it('a receiver that accepts a forged event is degraded, "signatures not enforced", not down', () => {
    const ring = new ProbeRing(4);
    ring.push(failure(1, ACCEPTED));
    expect(stateOf(ring, 'signature_enforcement')).toEqual({ state: 'degraded', reason: `signatures not enforced: ${ACCEPTED.detail}` });
  });

  it('an unanswered enforcement probe says nothing about signatures (the delivery check tells down)', () => {
    const ring = new ProbeRing(4);
    ring.push(failure(1, { check: 'signature_enforcement' }));
    expect(stateOf(ring, 'signature_enforcement')).toEqual({ state: 'degraded', reason: 'signature enforcement not tested: connect ECONNREFUSED 127.0.0.1:1' });
  });

  it('the endpoint is degraded while its deliveries pass, down when they fail', () => {
    expect(headline(true)).toMatchObject({ state: 'degraded', checks: [{ check: 'delivery', state: 'up' }, { check: 'signature_enforcement', state: 'degraded' }] });
    expect(headline(false)).toMatchObject({ state: 'down', checks: [{ check: 'delivery', state: 'down' }, { check: 'signature_enforcement', state: 'degraded' }] });
  });
});

describe('the page and the alerts agree', () => {
  const rules = alertGroups(config).flatMap((g) => g.rules).filter(isAlertRule);
  const exprOf = (alert: string) => rules.find((r) => r.alert === alert)!.expr;

  it('the page calls down exactly the checks WebhookEndpointDown selects', () => {
    expect(CHECKS.filter(canBeDown)).toEqual([...DOWN_CHECKS]);
    expect(exprOf('WebhookEndpointDown')).toContain(`check=~"${DOWN_CHECKS.join('|')}"`);
  });

  it('WebhookSignatureNotEnforced fires on the degraded case: enforcement failing while the down checks pass', () => {
    const expr = exprOf('WebhookSignatureNotEnforced');
    expect(expr).toContain('check=~"signature_enforcement"');
    expect(expr).toContain(`check=~"${DOWN_CHECKS.join('|')}"`);
  });
});
