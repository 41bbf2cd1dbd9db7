/**
 * Each check kind against real node:http servers on port 0: every probe
 * result of the catalog is produced by a real failure (dns_error and
 * tls_error in failure-classes.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GENERIC, verify, type GenericOptions } from '../../../signing/index.js';
import { Prober, type ProbeOutcome } from '../../../prober/index.js';
import { configFromYaml } from '../../support/config.js';
import { closedPort, httpServer, json, readBody, type TestServer } from '../../support/servers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const UNTIMED: GenericOptions = { ...DEFAULT_GENERIC, template: '{id}.{body}' };
/** Generic hmac-sha256 receivers: path → template and the tolerance they check. */
const GENERIC: Record<string, { generic: GenericOptions; toleranceSeconds: number }> = {
  '/generic-timed': { generic: DEFAULT_GENERIC, toleranceSeconds: 300 },
  '/generic-untimed': { generic: UNTIMED, toleranceSeconds: 300 },
  // Verifies the MAC but never the timestamp's age: replays get through.
  '/generic-no-window': { generic: DEFAULT_GENERIC, toleranceSeconds: 1e9 },
};
let receiver: TestServer;
let lastVerified: ReturnType<typeof verify> | undefined;

beforeAll(async () => {
  receiver = await httpServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '/';
    if (path === '/webhook' || path === '/strict') {
      lastVerified = verify('standard-webhooks', { headers: req.headers, body, secrets: [SECRET], nowSeconds: Date.now() / 1000, toleranceSeconds: 300 });
      return lastVerified.ok ? json(res, 202, { accepted: true }) : json(res, 401, { error: lastVerified.reason });
    }
    const g = GENERIC[path];
    if (g) {
      const v = verify('hmac-sha256', { headers: req.headers, body, secrets: [SECRET], nowSeconds: Date.now() / 1000, toleranceSeconds: g.toleranceSeconds }, g.generic);
      return v.ok ? json(res, 202, { accepted: true }) : json(res, 401, { error: v.reason });
    }
    if (path === '/lax') return json(res, 200, { accepted: true });
    if (path === '/fail') return json(res, 503, { error: 'unavailable' });
    if (path === '/limited') return json(res, 429, { error: 'slow down' }, { 'ratelimit-limit': '100', 'ratelimit-remaining': '3', 'retry-after': '30' });
    if (path === '/hang') return; // never answers
    if (path === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first;');
      setTimeout(() => res.end('second'), 300);
      return;
    }
    if (path === '/moved') return json(res, 302, { moved: true }, { location: '/lax' });
    if (path === '/big') return json(res, 200, { pad: 'x'.repeat(200_000), end: 'marker-at-the-end' });
    if (path === '/health-ok') return json(res, 200, { status: 'healthy', details: { queue: { depth: 0 } } });
    if (path === '/health-bad') return json(res, 200, { status: 'unhealthy', details: { store: 'read-only' } });
    return json(res, 404, { error: 'no route' });
  });
});

afterAll(async () => {
  await receiver.close();
});

function endpointYaml(name: string, url: string, extra = ''): string {
  return `  - name: ${name}
    url: ${url}
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
${extra}`;
}

async function probeOnce(yamlEndpoints: string, check: 'delivery' | 'health' | 'signature_enforcement' = 'delivery', prober = ''): Promise<ProbeOutcome> {
  const config = configFromYaml(`endpoints:\n${yamlEndpoints}\nprober:\n  timeout_seconds: 2\n${prober}`);
  const p = new Prober(config, { version: 'test' });
  const target = p.targets.find((t) => t.check.kind === check);
  if (!target) throw new Error(`no ${check} target`);
  return p.probe(target);
}

describe('delivery check', () => {
  it('sends a signed event the receiver verifies, with phase timings', async () => {
    const o = await probeOnce(endpointYaml('ok', `${receiver.url}/webhook`));
    expect(lastVerified).toMatchObject({ ok: true });
    expect(o).toMatchObject({ result: 'success', success: true, status: 202 });
    expect(Object.keys(o.phases).sort()).toEqual(['connect', 'dns', 'transfer', 'ttfb']);
    expect(o.phases.dns).toBeGreaterThanOrEqual(0);
    const sum = Object.values(o.phases).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(o.durationSeconds + 1e-3);
  });

  it('uses a fresh id and timestamp on every send', async () => {
    const config = configFromYaml(`endpoints:\n${endpointYaml('ok', `${receiver.url}/webhook`)}`);
    const p = new Prober(config, { version: 'test' });
    const t = p.targets[0]!;
    const a = await p.probe(t);
    const b = await p.probe(t);
    expect(a.requestHeaders!['webhook-id']).not.toBe(b.requestHeaders!['webhook-id']);
  });

  it('classifies a wrong secret as rejected_signature', async () => {
    const o = await probeOnce(`  - name: bad
    url: ${receiver.url}/webhook
    signing: { scheme: standard-webhooks, secret: "whsec_${Buffer.from('another secret of 24 bytes').toString('base64')}" }
`);
    expect(o).toMatchObject({ result: 'rejected_signature', success: false, status: 401 });
  });

  it('classifies a refused connection as connect_error', async () => {
    const o = await probeOnce(endpointYaml('refused', `http://127.0.0.1:${await closedPort()}/webhook`));
    expect(o).toMatchObject({ result: 'connect_error', status: 0, success: false });
    expect(o.detail).toContain('ECONNREFUSED');
  });

  it('classifies an unanswered request as timeout after timeout_seconds', async () => {
    const o = await probeOnce(endpointYaml('hang', `${receiver.url}/hang`, '    timeout_seconds: 0.3\n'));
    expect(o.result).toBe('timeout');
    expect(o.durationSeconds).toBeGreaterThanOrEqual(0.29);
    expect(o.durationSeconds).toBeLessThan(2);
  });

  it('classifies a 5xx as http_error with its status', async () => {
    const o = await probeOnce(endpointYaml('fail', `${receiver.url}/fail`));
    expect(o).toMatchObject({ result: 'http_error', status: 503 });
  });

  it('reads rate-limit headers from a 429', async () => {
    const o = await probeOnce(endpointYaml('limited', `${receiver.url}/limited`));
    expect(o).toMatchObject({ result: 'http_error', status: 429, rateLimit: { limit: 100, remaining: 3, resetSeconds: 30 } });
  });

  it('measures a slow body in the transfer phase', async () => {
    const o = await probeOnce(endpointYaml('slow', `${receiver.url}/slow-body`));
    expect(o.result).toBe('success');
    expect(o.phases.transfer).toBeGreaterThanOrEqual(0.25);
    expect(o.phases.ttfb).toBeLessThan(0.25);
  });

  it('fails a body slower than the timeout as timeout', async () => {
    const o = await probeOnce(endpointYaml('slow', `${receiver.url}/slow-body`, '    timeout_seconds: 0.15\n'));
    expect(o.result).toBe('timeout');
  });

  it('fails a response slower than fail_after_seconds as assertion_failed, and marks degraded ones', async () => {
    const slow = await probeOnce(endpointYaml('slow', `${receiver.url}/slow-body`, '    checks: { delivery: { expect: { fail_after_seconds: 0.1 } } }\n'));
    expect(slow).toMatchObject({ result: 'assertion_failed', success: false });
    const degraded = await probeOnce(endpointYaml('slow', `${receiver.url}/slow-body`, '    checks: { delivery: { expect: { degraded_after_seconds: 0.1 } } }\n'));
    expect(degraded).toMatchObject({ result: 'success', success: true, degraded: true });
  });

  it('checks body and JSON assertions', async () => {
    const ok = await probeOnce(endpointYaml('json', `${receiver.url}/lax`, '    checks: { delivery: { expect: { json: { accepted: true }, body_contains: accepted } } }\n'));
    expect(ok.result).toBe('success');
    const bad = await probeOnce(endpointYaml('json', `${receiver.url}/lax`, '    checks: { delivery: { expect: { json: { accepted: false } } } }\n'));
    expect(bad).toMatchObject({ result: 'assertion_failed', detail: 'accepted is true, expected false' });
  });
});

describe('redirects and bodies', () => {
  it('does not follow redirects unless configured', async () => {
    const o = await probeOnce(endpointYaml('r', `${receiver.url}/moved`));
    expect(o).toMatchObject({ result: 'http_error', status: 302 });
  });
  it('follows them when follow_redirects is set, as a GET after a POST', async () => {
    const o = await probeOnce(endpointYaml('r', `${receiver.url}/moved`, '    follow_redirects: true\n'));
    expect(o).toMatchObject({ result: 'success', status: 200 });
  });
  it('reads at most body_limit_bytes of the body for assertions', async () => {
    const small = await probeOnce(endpointYaml('b', `${receiver.url}/big`, '    checks: { delivery: { expect: { body_contains: marker-at-the-end } } }\n'), 'delivery', '  body_limit_bytes: 1024\n');
    expect(small).toMatchObject({ result: 'assertion_failed', status: 200 });
    const all = await probeOnce(endpointYaml('b', `${receiver.url}/big`, '    checks: { delivery: { expect: { body_contains: marker-at-the-end } } }\n'), 'delivery', '  body_limit_bytes: 1048576\n');
    expect(all.result).toBe('success');
  });
});

describe('health check', () => {
  const health = (path: string) => `  - name: h
    url: ${receiver.url}/webhook
    health_url: ${receiver.url}${path}
`;
  it('is up on 2xx with status healthy, keeping the details', async () => {
    const o = await probeOnce(health('/health-ok'), 'health');
    expect(o).toMatchObject({ result: 'success', health: { status: 'healthy', details: { queue: { depth: 0 } } } });
  });
  it('is down when the JSON status is not healthy', async () => {
    const o = await probeOnce(health('/health-bad'), 'health');
    expect(o).toMatchObject({ result: 'assertion_failed', success: false, detail: 'health status is "unhealthy"' });
  });
  it('is down on a non-2xx', async () => {
    const o = await probeOnce(health('/fail'), 'health');
    expect(o).toMatchObject({ result: 'http_error', status: 503 });
  });
});

describe('signature_enforcement check', () => {
  const enforce = (path: string) => endpointYaml('e', `${receiver.url}${path}`, '    checks: { signature_enforcement: { enabled: true } }\n');
  /** The check passes against `yaml`'s receiver, having sent what `detail` names. */
  const passes = async (yaml: string, detail: string) => {
    const o = await probeOnce(yaml, 'signature_enforcement');
    expect(o).toMatchObject({ result: 'success', success: true, status: 401 });
    expect(o.detail).toBe(detail);
  };
  it('succeeds when the receiver refuses forged and stale signatures', async () => {
    await passes(enforce('/strict'), 'rejected forged signature and stale timestamp');
  });
  it('fails when the receiver accepts anything', async () => {
    const o = await probeOnce(enforce('/lax'), 'signature_enforcement');
    expect(o).toMatchObject({ result: 'assertion_failed', success: false, status: 200 });
    expect(o.detail).toContain('does not verify signatures');
  });

  const generic = (path: string, template?: string) => `  - name: e
    url: ${receiver.url}${path}
    signing: { scheme: hmac-sha256, secret: "${SECRET}"${template ? `, template: "${template}"` : ''} }
    checks: { signature_enforcement: { enabled: true } }
`;
  it('passes a correct receiver of a generic scheme without {timestamp}, asking no stale rejection of it', async () => {
    await passes(generic('/generic-untimed', UNTIMED.template), 'rejected forged signature');
  });
  it('still demands a stale rejection from a generic scheme with {timestamp}', async () => {
    await passes(generic('/generic-timed'), 'rejected forged signature and stale timestamp');
    const replayable = await probeOnce(generic('/generic-no-window'), 'signature_enforcement');
    expect(replayable).toMatchObject({ result: 'assertion_failed', success: false, status: 202 });
    expect(replayable.detail).toBe('stale timestamp accepted with status 202: the receiver does not check timestamps, so replays get through');
  });
});
