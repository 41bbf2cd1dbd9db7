/**
 * The alert and notify sections of the config schema (owned with the
 * alerts): consistency rules and the one-line errors they produce.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../config/index.js';

const BASE = 'endpoints: [{ name: a, url: "http://127.0.0.1/a" }]\n';
const parse = (extra: string) => parseConfig(BASE + extra, { file: 'hookwatch.yaml', dir: '/tmp', env: {} });
function errorsOf(extra: string): string[] {
  try {
    parse(extra);
  } catch (e) {
    if (e instanceof ConfigError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('alerts and notify schema', () => {
  it('requires the critical latency limit above the warning one', () => {
    expect(errorsOf('alerts: { response_time: { p95_seconds: 3, fail_p95_seconds: 2 } }\n').join('\n'))
      .toMatch(/alerts\.response_time\.fail_p95_seconds: .*above p95_seconds/);
    expect(parse('alerts: { response_time: { p95_seconds: 1, fail_p95_seconds: 2 } }\n').alerts.defaults.responseTime.failP95Seconds).toBe(2);
  });

  it('requires fewer critical than warning TLS days, in endpoint overrides too', () => {
    expect(errorsOf('alerts: { tls: { warning_days: 3, critical_days: 7 } }\n').join('\n')).toMatch(/alerts\.tls\.critical_days: .*fewer days than warning_days/);
    const text = 'endpoints: [{ name: a, url: "http://127.0.0.1/a", alerts: { tls: { warning_days: 2, critical_days: 2 } } }]\n';
    expect(() => parseConfig(text, { file: 'hookwatch.yaml', dir: '/tmp', env: {} })).toThrow(/endpoints\[0\]\.alerts\.tls\.critical_days/);
  });

  it('needs a heartbeat url (Alertmanager 0.25 cannot read it from a file)', () => {
    expect(errorsOf('notify: { heartbeat: { url_file: /run/secrets/hb } }\n').join('\n')).toMatch(/notify\.heartbeat\.url/);
    expect(parse('notify: { heartbeat: { url: "https://hb.example.com/ping", repeat_interval: 2m } }\n').notify.heartbeat?.repeat_interval?.text).toBe('2m');
  });

  it('resolves default routes from the receivers that are configured', () => {
    const c = parse('notify: { slack: { api_url_file: /s, channel: "#w" } }\n');
    expect(c.notify.resolvedRoutes).toEqual({ critical: ['slack'], warning: ['slack'], info: [] });
  });
});
