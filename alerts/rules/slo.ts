/**
 * Multi-window, multi-burn-rate alerts on each endpoint's success SLO
 * (Google SRE workbook table 5-8, Sloth's 30-day windows): page when 2% of
 * a 30-day budget burns in 1h or 5% in 6h, ticket when 10% burns in 1d or
 * 3d. Each long window is paired with a short one (1/12) so the alert stops
 * soon after the burn stops.
 *
 * Both severities wait `burnFor` before firing: a whole-endpoint outage burns
 * the budget at once, and `WebhookEndpointDown` (which mutes them) must be
 * the one alert it notifies. Without it the page fired on the first
 * evaluation, a minute or more before `WebhookEndpointDown`: two pages for
 * one outage.
 */
import { ALERT_LABELS, LABEL, promql } from '../../catalog/index.js';
import { duration, type Config, type Duration } from '../../config/index.js';
import { alertRule } from '../annotate.js';
import { num, times } from '../../output/index.js';
import { attemptRate, errorBudget } from '../../queries/index.js';
import type { AlertRule } from '../model.js';
import { errorRatioOutsideMaintenance } from './maintenance.js';
import { RECORDS, type SloWindow } from './recording.js';

/** Traffic window of the page's low-volume guard: the fast page's long window. */
const PAGE_TRAFFIC_WINDOW = '1h';

const { oneOf, recorded } = promql;

export interface BurnWindow {
  readonly long: SloWindow;
  readonly short: SloWindow;
  readonly factor: number;
}

/** Page (critical) and ticket (warning) window pairs for a 30-day SLO period. */
export const BURN_RATES: Readonly<Record<'critical' | 'warning', readonly [BurnWindow, BurnWindow]>> = {
  critical: [{ long: '1h', short: '5m', factor: 14.4 }, { long: '6h', short: '30m', factor: 6 }],
  warning: [{ long: '1d', short: '2h', factor: 3 }, { long: '3d', short: '6h', factor: 1 }],
};

/**
 * Longer than `WebhookEndpointDown` takes to fire once the probes fail: its
 * longest `for`, one scrape for the failed probe to arrive and two
 * evaluations (its own, and one for Alertmanager to hold it before the burn
 * alert's first notification).
 */
export function burnFor(config: Config): Duration {
  const downFor = Math.max(...[config.alerts.defaults, ...config.endpoints.map((e) => e.thresholds)].map((t) => t.endpointDown.for.seconds));
  return duration(downFor + config.alerts.scrapeInterval.seconds + 2 * config.alerts.evaluationInterval.seconds);
}

/**
 * One rule per severity and per distinct (SLO, minimum traffic); endpoints
 * without a configured SLO get none. Pages also need the endpoint's
 * `failure_rate.min_rate_per_second` over the last hour: at 10 requests an
 * hour one failure is a 1000x burn, which is a ticket, not a page at night.
 */
export function burnRateAlerts(config: Config): AlertRule[] {
  const excluding = new Set(config.endpoints.filter((e) => e.slo.excludeMaintenance).map((e) => e.name));
  const groups = new Map<string, { successRatio: number; minRate: number; endpoints: string[] }>();
  for (const e of config.endpoints) {
    const k = `${e.slo.successRatio}|${e.thresholds.failureRate.minRatePerSecond}`;
    const g = groups.get(k) ?? { successRatio: e.slo.successRatio, minRate: e.thresholds.failureRate.minRatePerSecond, endpoints: [] };
    g.endpoints.push(e.name);
    groups.set(k, g);
  }
  return [...groups.values()].flatMap(({ successRatio, minRate, endpoints }) => {
    const budget = errorBudget(successRatio);
    const match = { endpoint: oneOf(endpoints) };
    // Endpoints whose SLO leaves maintenance out read the ratios outside it (maintenance.ts), in the same rule.
    const subsets = [false, true].map((outside) => ({ outside, list: endpoints.filter((e) => excluding.has(e) === outside) })).filter((x) => x.list.length > 0);
    const pair = (w: BurnWindow) => {
      const limit = num(times(w.factor, budget));
      return subsets.map(({ outside, list }) => {
        const m = { endpoint: oneOf(list) };
        const ratio = (x: SloWindow) => (outside ? errorRatioOutsideMaintenance(x, m) : recorded(RECORDS.errorRatio(x), m));
        return `(${ratio(w.long)} > ${limit} and ${ratio(w.short)} > ${limit})`;
      }).join(' or ');
    };
    return (['critical', 'warning'] as const).map((severity) => {
      const [fast, slow] = BURN_RATES[severity];
      const burning = `${pair(fast)} or ${pair(slow)}`;
      return alertRule(config, {
        alert: 'WebhookErrorBudgetBurn',
        severity,
        for: burnFor(config),
        labels: { [ALERT_LABELS.slo]: num(successRatio) },
        expr: severity === 'critical'
          ? `(${burning}) and on (${LABEL.endpoint}) ${attemptRate(match, PAGE_TRAFFIC_WINDOW)} >= ${num(minRate)}`
          : burning,
        summary: 'A webhook endpoint is burning its error budget too fast.',
        description: `{{ $labels.endpoint }} fails {{ $value | humanizePercentage }} of delivery attempts over the long window: the error budget of its ${num(times(successRatio, 100))}% SLO burns ${fast.factor}x (${fast.long}/${fast.short}) or ${slow.factor}x (${slow.long}/${slow.short}) too fast and is gone in under ${num(30 / slow.factor)} days.`,
        dashboard: 'overview',
      });
    });
  });
}
