/**
 * The dns_error and tls_error probe results, produced by real failures
 * through the prober's own request code: a name under `.invalid` (RFC 6761:
 * never resolves, no network needed), and node:https servers on 127.0.0.1
 * port 0 serving a self-signed, an expired and a wrong-name certificate,
 * each made by openssl in a temp dir. With `ca_file` trusting it, a
 * certificate's date or name is the only thing wrong with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prober, type ProbeOutcome } from '../../../prober/index.js';
import { configFromYaml } from '../../support/config.js';
import { httpsServer, json, selfSigned, type SelfSigned, type TestServer } from '../../support/servers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
type Served = { tls: SelfSigned; server: TestServer };
let valid: Served;
let expired: Served;
let otherName: Served;

async function serve(tls: SelfSigned): Promise<Served> {
  return { tls, server: await httpsServer(tls, (_req, res) => json(res, 202, { accepted: true })) };
}

beforeAll(async () => {
  valid = await serve(selfSigned(30));
  expired = await serve(selfSigned(0, { expired: true }));
  otherName = await serve(selfSigned(30, { name: { cn: 'other.example', san: 'DNS:other.example' } }));
});

afterAll(async () => {
  for (const s of [valid, expired, otherName]) {
    await s?.server.close();
    s?.tls.cleanup();
  }
});

async function probeOnce(url: string, extra = ''): Promise<ProbeOutcome> {
  const config = configFromYaml(`endpoints:
  - name: e
    url: ${url}
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
${extra}prober:
  timeout_seconds: 5
`);
  const p = new Prober(config, { version: 'test' });
  return p.probe(p.targets.find((t) => t.check.kind === 'delivery')!);
}
const trusting = (s: Served, more = '') => `    tls: { ca_file: ${s.tls.certFile}${more} }\n`;

describe('dns_error', () => {
  it('a name under .invalid fails resolution at once, without waiting for the timeout', async () => {
    const o = await probeOnce('http://hookwatch-probe.invalid/webhook');
    expect(o).toMatchObject({ result: 'dns_error', success: false, status: 0 });
    expect(o.detail).toMatch(/ENOTFOUND/);
    expect(o.durationSeconds).toBeLessThan(1);
  });
});

describe('tls_error', () => {
  it('a self-signed certificate nothing trusts', async () => {
    const o = await probeOnce(`${valid.server.url}/webhook`);
    expect(o).toMatchObject({ result: 'tls_error', success: false });
    expect(o.detail).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT|self.signed/i);
  });

  it('an expired certificate, even when trusted', async () => {
    const o = await probeOnce(`${expired.server.url}/webhook`, trusting(expired));
    expect(o).toMatchObject({ result: 'tls_error', success: false });
    expect(o.detail).toMatch(/CERT_HAS_EXPIRED/);
  });

  it('a hostname mismatch: a trusted certificate for another name', async () => {
    const o = await probeOnce(`${otherName.server.url}/webhook`, trusting(otherName));
    expect(o).toMatchObject({ result: 'tls_error', success: false });
    expect(o.detail).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('the same certificate passes with server_name set to its name, so the name was the only fault', async () => {
    const o = await probeOnce(`${otherName.server.url}/webhook`, trusting(otherName, ', server_name: other.example'));
    expect(o).toMatchObject({ result: 'success', status: 202 });
  });

  it('a trusted, current certificate succeeds and reports its expiry', async () => {
    const o = await probeOnce(`${valid.server.url}/webhook`, trusting(valid));
    expect(o).toMatchObject({ result: 'success', status: 202 });
    expect(o.tlsExpiry).toBe(valid.tls.notAfter);
    expect(o.phases.tls).toBeGreaterThan(0);
  });

  it('insecure_skip_verify accepts the expired one, and still reports the expiry it saw', async () => {
    const o = await probeOnce(`${expired.server.url}/webhook`, '    tls: { insecure_skip_verify: true }\n');
    expect(o).toMatchObject({ result: 'success', status: 202 });
    expect(o.tlsExpiry).toBe(expired.tls.notAfter);
  });
});
