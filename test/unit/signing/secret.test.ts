/** `validateSecret`: what each scheme accepts as a secret, checked before anything is signed. */
import { describe, expect, it } from 'vitest';
import { SCHEME_NAMES, signHeaders, validateSecret } from '../../../signing/index.js';

const sign = (scheme: (typeof SCHEME_NAMES)[number], secret: string) => signHeaders(scheme, { id: 'msg_1', timestamp: 1_700_000_000, body: '{}', secrets: [secret] });

describe('validateSecret', () => {
  it('wants "whsec_" + base64 for Standard Webhooks and Svix', () => {
    expect(validateSecret('standard-webhooks', 'whsec_notbase64!')).toBe('a Standard Webhooks secret: "whsec_" followed by base64');
    expect(validateSecret('svix', 'whsec_')).toBe('a Svix secret: "whsec_" followed by base64');
    expect(validateSecret('standard-webhooks', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBeUndefined();
  });

  it('takes any non-empty secret for the schemes that use its bytes as they are', () => {
    for (const scheme of ['stripe', 'github', 'slack', 'hmac-sha256'] as const) {
      expect(validateSecret(scheme, 'whsec_notbase64!')).toBeUndefined();
      expect(validateSecret(scheme, '')).toBe('a non-empty secret');
    }
  });

  it('agrees with signHeaders: a secret it accepts signs, one it refuses throws', () => {
    for (const scheme of SCHEME_NAMES) {
      for (const secret of ['whsec_notbase64!', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'plain', 'whsec_A']) {
        if (validateSecret(scheme, secret)) expect(() => sign(scheme, secret), `${scheme} ${secret}`).toThrow();
        else expect(() => sign(scheme, secret), `${scheme} ${secret}`).not.toThrow();
      }
    }
  });
});
