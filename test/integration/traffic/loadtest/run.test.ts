/**
 * `runLoadtest` against real node:http servers on 127.0.0.1: signed events,
 * exact status and error counts, and the concurrency bound.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verify } from '../../../../signing/index.js';
import { runLoadtest } from '../../../../traffic/loadtest/index.js';
import { configFromYaml } from '../../../support/config.js';
import { closedPort, httpServer, json, readBody, type TestServer } from '../../../support/servers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let server: TestServer;
let deadPort: number;
let received: { ok: boolean; id: string; userAgent: string }[] = [];
let answered: Record<string, number> = {};

beforeAll(async () => {
  server = await httpServer(async (req, res) => {
    const body = await readBody(req);
    if (req.url === '/hang') return; // never answers
    const v = verify('standard-webhooks', { headers: req.headers, body, secrets: [SECRET], nowSeconds: Date.now() / 1000, toleranceSeconds: 60 });
    const n = received.length;
    received.push({ ok: v.ok && (JSON.parse(body) as { id: string }).id === v.id, id: v.ok ? (v.id ?? '') : '', userAgent: String(req.headers['user-agent']) });
    // A known pattern by arrival: 7 × 202, 2 × 503, 1 × 429 per ten.
    const status = n % 10 < 7 ? 202 : n % 10 < 9 ? 503 : 429;
    answered[status] = (answered[status] ?? 0) + 1;
    json(res, status, { n }, status === 429 ? { 'retry-after': '1' } : {});
  });
  deadPort = await closedPort();
});

afterAll(() => server.close());

beforeEach(() => {
  received = [];
  answered = {};
});

// A generous default timeout: on a loaded two-core machine a 1s timeout
// turns slow answers into errors and the status counts stop being exact.
function endpoint(name: string, url: string, timeoutSeconds = 10) {
  const config = configFromYaml(`endpoints:
  - name: ${name}
    url: ${url}
    timeout_seconds: ${timeoutSeconds}
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
`);
  return config.endpoints[0]!;
}

describe('runLoadtest', () => {
  it('sends 50 ± 2 correctly signed events with distinct ids in 1s at 50/s and counts every status exactly', async () => {
    const s = await runLoadtest({ endpoint: endpoint('local', `${server.url}/webhook`), ratePerSecond: 50, durationSeconds: 1, userAgent: 'hookwatch-loadtest/test' });
    expect(received.length).toBeGreaterThanOrEqual(48);
    expect(received.length).toBeLessThanOrEqual(52);
    expect(s.sent).toBe(received.length);
    expect(received.every((r) => r.ok)).toBe(true);
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length);
    expect(received[0]!.userAgent).toBe('hookwatch-loadtest/test');
    // Every answer the server gave is counted under its code, and nothing else.
    expect({ codes: s.statusCodes, errors: s.errors }).toEqual({ codes: answered, errors: {} });
    expect(s).toMatchObject({ planned: 50, dropped: 0, aborted: false });
    expect(s.latencySeconds?.count).toBe(s.sent);
    const l = s.latencySeconds!;
    expect(l.p50).toBeGreaterThan(0);
    expect(l.p50 <= l.p95 && l.p95 <= l.p99 && l.p99 <= l.max).toBe(true);
    // Sent over the sending window: 50/s when on time; a stall of this busy
    // machine near the end stretches the window, so only a floor of 40.
    expect(s.achievedRatePerSecond).toBeGreaterThan(40);
    expect(s.achievedRatePerSecond).toBeLessThanOrEqual(52);
  });

  it('counts a closed port as connect_error, with no latency samples', async () => {
    const s = await runLoadtest({ endpoint: endpoint('dead', `http://127.0.0.1:${deadPort}/webhook`), ratePerSecond: 20, durationSeconds: 0.25, userAgent: 't' });
    expect(s).toMatchObject({ planned: 5, sent: 5, dropped: 0, statusCodes: {}, errors: { connect_error: 5 }, latencySeconds: null });
    expect(s.errorDetails.connect_error).toMatch(/ECONNREFUSED/);
  });

  it('drops planned sends when a stalled server holds every concurrency slot, and times the held ones out', async () => {
    const s = await runLoadtest({ endpoint: endpoint('stall', `${server.url}/hang`, 1), ratePerSecond: 50, durationSeconds: 1, concurrency: 4, userAgent: 't' });
    expect(s).toMatchObject({ planned: 50, sent: 4, dropped: 46, statusCodes: {}, errors: { timeout: 4 } });
    // 4 sends over a sending window of at least the 1 s planned (longer when
    // this busy machine stalls the timer): the rate counts sends, not plans.
    expect(s.achievedRatePerSecond).toBeLessThanOrEqual(4);
    expect(s.achievedRatePerSecond).toBeGreaterThan(3);
  });

  it('refuses a non-loopback endpoint before sending anything', async () => {
    await expect(runLoadtest({ endpoint: endpoint('remote', 'http://192.0.2.10/webhook'), ratePerSecond: 1, durationSeconds: 1, userAgent: 't' }))
      .rejects.toMatchObject({ code: 'HOOKWATCH_LOADTEST_LIMIT', field: 'endpoint' });
  });
});
