/**
 * Shared inputs for the signing tests. The official vectors are copied from
 * the vendors' docs and test suites (see /work/shared/research/prober-anchors.md §3).
 */
import { createHash } from 'node:crypto';
import type { SignInput, VerifyInput } from '../../../signing/index.js';

/** Standard Webhooks: identical in the JS, Go, Java and C# library tests. */
export const SW_VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
} as const;

/** Stripe publishes none; generated with stripe 23.1.0 `generateTestHeaderString` and frozen. */
export const STRIPE_VECTOR = {
  secret: 'whsec_test_secret',
  timestamp: 1614265330,
  body: '{"id":"evt_test_webhook","object":"event"}',
  header: 't=1614265330,v1=3c5817089d739023dd6190f70a3757e04f7a2fd8b5dab12c2e000f51970dccff',
} as const;

/** GitHub docs, "Validating webhook deliveries". */
export const GITHUB_DOCS_VECTOR = {
  secret: "It's a Secret to Everybody",
  body: 'Hello, World!',
  signature: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
} as const;

/** `@octokit/webhooks-methods` test/verify.test.ts. */
export const OCTOKIT_VECTOR = {
  secret: 'mysecret',
  body: '{"foo":"bar"}',
  signature: 'sha256=4864d2759938a15468b5df9ade20bf161da9b4f737ea61794142f3484236bda3',
} as const;

/** Slack docs, "Verifying requests from Slack". */
export const SLACK_VECTOR = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
} as const;

/** Two Standard-Webhooks-shaped secrets (base64 of 24 bytes) for rotation tests. */
export const SW_NEW = 'whsec_' + Buffer.alloc(24, 1).toString('base64');
export const SW_OLD = 'whsec_' + Buffer.alloc(24, 2).toString('base64');
/** A body that is not valid UTF-8: decoding it to a string would change its bytes. */
export const BINARY_BODY = new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d]);

export const TOLERANCE = 300;

/** The `digest` verify returns: SHA-256 (hex) of the signed bytes, computed independently. */
export const sha256 = (signed: string | Uint8Array): string => createHash('sha256').update(signed).digest('hex');

/** Unix seconds of the real clock, for vendor libraries that cannot take one. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function signInput(secrets: readonly string[], over: Partial<SignInput> = {}): SignInput {
  return { id: 'msg_test_1', timestamp: 1_700_000_000, body: '{"type":"hookwatch.probe","n":1}', secrets, ...over };
}

/** A verify input for the request `sign` produced, checked at its own timestamp unless `over` says otherwise. */
export function verifyInput(sign: SignInput, headers: VerifyInput['headers'], over: Partial<VerifyInput> = {}): VerifyInput {
  return { headers, body: sign.body, secrets: sign.secrets, nowSeconds: sign.timestamp, toleranceSeconds: TOLERANCE, ...over };
}
