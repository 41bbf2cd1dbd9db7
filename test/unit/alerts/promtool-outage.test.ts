/**
 * promtool: the alerts that make one outage one incident, on default
 * thresholds (basic case): `WebhookOutageInhibitor` follows
 * `WebhookEndpointDown` and outlives it by the symptom windows (5m) and the
 * burn-rate short windows (6h), each plus a 15s scrape and a 30s
 * evaluation; and `WebhookSignatureNotEnforced`, the status page's
 * "Degraded: signatures not enforced".
 */
import { describe, expect, it } from 'vitest';
import { METRICS, type Check } from '../../../catalog/index.js';
import { promtoolTest, type Firing } from './promtool/harness.js';
import { gauge, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('basic');
const up = (endpoint: string, check: Check, values: string, region = 'eu') => series(METRICS.probeUp, { endpoint, check, region }, values);
const inhibitor = (endpoint: string, condition: 'recently_down' | 'budget'): Firing => ({ labels: { endpoint, severity: 'info', condition }, value: 1 });

describe('promtool test rules: one incident per outage', () => {
  it('WebhookOutageInhibitor fires with WebhookEndpointDown and lasts 5m45s (symptoms) and 6h45s (budget) after it', () => {
    // a: down 10m–19m (EndpointDown firing 12m–19m, its last ALERTS sample at 19m); b: never down.
    const r = promtoolTest(config, [{
      name: 'inhibitor',
      series: [up('a', 'delivery', gauge([1, 9], [0, 10], [1, 400])), up('b', 'delivery', gauge([1, 420]))],
      alerts: [
        { at: '11m', alert: 'WebhookOutageInhibitor', firing: [] }, // EndpointDown only pending
        { at: '13m', alert: 'WebhookOutageInhibitor', firing: [inhibitor('a', 'recently_down'), inhibitor('a', 'budget')] },
        { at: '21m', alert: 'WebhookEndpointDown', firing: [] },
        { at: '24m', alert: 'WebhookOutageInhibitor', firing: [inhibitor('a', 'recently_down'), inhibitor('a', 'budget')] },
        { at: '25m', alert: 'WebhookOutageInhibitor', firing: [inhibitor('a', 'budget')] },
        { at: '379m', alert: 'WebhookOutageInhibitor', firing: [inhibitor('a', 'budget')] },
        { at: '380m', alert: 'WebhookOutageInhibitor', firing: [] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookSignatureNotEnforced fires after 5m of failed enforcement while delivery and health pass, never when the endpoint is down', () => {
    const r = promtoolTest(config, [{
      name: 'signature not enforced',
      series: [
        // lax: answers deliveries, accepts forged ones.
        up('lax', 'delivery', gauge([1, 20])), up('lax', 'health', gauge([1, 20])), up('lax', 'signature_enforcement', gauge([0, 20])),
        // down: unreachable, so every check fails: WebhookEndpointDown's, not this one's.
        up('down', 'delivery', gauge([0, 20])), up('down', 'signature_enforcement', gauge([0, 20])),
        // half: health fails, so the enforcement failure says nothing.
        up('half', 'delivery', gauge([1, 20])), up('half', 'health', gauge([0, 20])), up('half', 'signature_enforcement', gauge([0, 20])),
        // strict: refuses forged events.
        up('strict', 'delivery', gauge([1, 20])), up('strict', 'signature_enforcement', gauge([1, 20])),
        // split: lax behind one region's backend, unreachable from the other.
        up('split', 'delivery', gauge([1, 20]), 'eu'), up('split', 'signature_enforcement', gauge([0, 20]), 'eu'),
        up('split', 'delivery', gauge([0, 20]), 'us'), up('split', 'signature_enforcement', gauge([0, 20]), 'us'),
      ],
      alerts: [
        { at: '4m', alert: 'WebhookSignatureNotEnforced', firing: [] },
        {
          at: '5m', alert: 'WebhookSignatureNotEnforced', firing: [
            { labels: { endpoint: 'lax', severity: 'critical' }, value: 1 },
            { labels: { endpoint: 'split', severity: 'critical' }, value: 1 },
          ],
        },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
