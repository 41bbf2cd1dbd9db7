/**
 * Capacity alerts: the dead-letter queue (too deep, or growing) and the
 * receiver's rate limit (remaining quota low, from probe headers or the
 * delivery log, or 429s already happening).
 */
import { LABEL, METRICS, promql, type FailureReason } from '../../catalog/index.js';
import { duration, type Config } from '../../config/index.js';
import { alertRule } from '../annotate.js';
import { num, times } from '../../output/index.js';
import { probeRateLimitHeadroom, rateLimitHeadroom } from '../../queries/index.js';
import type { AlertRule } from '../model.js';
import { endpointMatch, scopes } from '../scope.js';
import { SHORT_WINDOW } from './recording.js';

const { aggregate, increase, selector, sumBy } = promql;
/** A full DLQ is a backlog, not a blip: 5m rides out a replay in progress. */
const DEPTH_FOR = duration(300);
/** Slope window of the growth rule; the rule's `for` is `growth_for`. */
export const DLQ_SLOPE_WINDOW = '5m';
const RATE_LIMITED: FailureReason = 'rate_limited';

export function dlqAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => t.dlq).flatMap((s) => {
    const depth = selector(METRICS.dlqDepth, endpointMatch(s));
    return [
      alertRule(config, {
        scope: s,
        alert: 'WebhookDLQGrowing',
        severity: 'warning',
        condition: 'depth',
        expr: `${aggregate('max', [LABEL.endpoint], depth)} > ${s.values.maxDepth}`,
        for: DEPTH_FOR,
        summary: 'Webhook events are piling up in the dead-letter queue.',
        description: `The dead-letter queue of {{ $labels.endpoint }} holds {{ $value }} events (limit ${s.values.maxDepth}).`,
        dashboard: 'endpoint',
      }),
      alertRule(config, {
        scope: s,
        alert: 'WebhookDLQGrowing',
        severity: 'warning',
        condition: 'growth',
        expr: `${aggregate('max', [LABEL.endpoint], `deriv(${depth}[${DLQ_SLOPE_WINDOW}])`)} > 0`,
        for: s.values.growthFor,
        summary: 'Webhook events are piling up in the dead-letter queue.',
        description: `The dead-letter queue of {{ $labels.endpoint }} has been growing for ${s.values.growthFor.text} ({{ $value | humanize }} events/s now).`,
        dashboard: 'endpoint',
      }),
    ];
  });
}

export function rateLimitAlerts(config: Config): AlertRule[] {
  return scopes(config, (t) => t.rateLimit).flatMap((s) => {
    const m = endpointMatch(s);
    const probe = probeRateLimitHeadroom(m);
    const logged = rateLimitHeadroom(m);
    const limit = num(s.values.remainingRatio);
    return [
      alertRule(config, {
        scope: s,
        alert: 'WebhookRateLimitApproaching',
        severity: 'warning',
        condition: 'quota',
        // Either source alone is enough; probe headers win when both are low.
        expr: `${probe} < ${limit} or ${logged} < ${limit}`,
        for: s.values.for,
        summary: 'A webhook endpoint is close to its rate limit.',
        description: `{{ $labels.endpoint }} has {{ $value | humanizePercentage }} of its rate-limit quota left (threshold ${num(times(s.values.remainingRatio, 100))}%).`,
        dashboard: 'endpoint',
      }),
      alertRule(config, {
        scope: s,
        alert: 'WebhookRateLimitApproaching',
        severity: 'warning',
        condition: 'throttled',
        expr: `${sumBy([LABEL.endpoint], increase(METRICS.deliveryFailures, { ...m, reason: RATE_LIMITED }, SHORT_WINDOW))} > 0`,
        for: s.values.for,
        summary: 'A webhook endpoint is close to its rate limit.',
        description: `{{ $labels.endpoint }} answered 429 Too Many Requests to {{ $value | humanize }} delivery attempts in the last ${SHORT_WINDOW}.`,
        dashboard: 'endpoint',
      }),
    ];
  });
}
