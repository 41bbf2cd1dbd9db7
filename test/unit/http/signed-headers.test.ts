import { describe, expect, it } from 'vitest';
import { signatureHeaders } from '../../../http/index.js';
import { verify } from '../../../signing/index.js';
import { configFromYaml } from '../../support/config.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const config = configFromYaml(`endpoints:
  - name: signed
    url: http://127.0.0.1:1/webhook
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
  - name: plain
    url: http://127.0.0.1:1/webhook
`);
const [signed, plain] = config.endpoints;
const event = { id: 'evt_1', timestamp: 1_800_000_000, body: '{"a":1}' };
const check = (headers: Record<string, string>) =>
  verify('standard-webhooks', { headers, body: event.body, secrets: [SECRET], nowSeconds: event.timestamp, toleranceSeconds: 300 });

describe('signature headers from an endpoint signing config', () => {
  it('signs as the endpoint scheme does, and a receiver verifies it', () => {
    expect(check(signatureHeaders(signed!.signing, event))).toMatchObject({ ok: true, id: 'evt_1', timestamp: event.timestamp });
  });
  it('forges well-formed headers that do not verify', () => {
    const forged = signatureHeaders(signed!.signing, event, { forged: true });
    expect(Object.keys(forged)).toEqual(Object.keys(signatureHeaders(signed!.signing, event)));
    expect(check(forged)).toEqual({ ok: false, reason: 'mismatch' });
  });
  it('adds nothing for an endpoint without signing', () => {
    expect(signatureHeaders(plain!.signing, event)).toEqual({});
  });
});
