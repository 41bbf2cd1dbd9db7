/**
 * Which schemes can refuse a replayed request, checked against what verify
 * really does with a correctly signed but stale request.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERIC, hasReplayProtection, SCHEME_NAMES, signHeaders, verify, type SchemeName } from '../../../signing/index.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW = 1_800_000_000;
const untimed = { ...DEFAULT_GENERIC, template: '{id}.{body}' };

/** Does verify refuse a correctly signed request an hour old? */
function refusesStale(scheme: SchemeName, generic = DEFAULT_GENERIC): boolean {
  const body = '{"a":1}';
  const headers = signHeaders(scheme, { id: 'evt_1', timestamp: NOW - 3600, body, secrets: [SECRET] }, generic);
  const r = verify(scheme, { headers, body, secrets: [SECRET], nowSeconds: NOW, toleranceSeconds: 300 }, generic);
  return !r.ok && r.reason === 'stale';
}

describe('replay protection', () => {
  it.each(SCHEME_NAMES)('%s with default options: as verify behaves', (scheme) => {
    expect(hasReplayProtection(scheme)).toBe(refusesStale(scheme));
  });
  it('is absent for github, which signs no timestamp', () => {
    expect(hasReplayProtection('github')).toBe(false);
  });
  it('follows the generic template: only a signed {timestamp} is checked', () => {
    expect(hasReplayProtection('hmac-sha256', DEFAULT_GENERIC)).toBe(true);
    expect(hasReplayProtection('hmac-sha256', untimed)).toBe(false);
    expect(refusesStale('hmac-sha256', untimed)).toBe(false);
  });
});
