/**
 * GitHub against `@octokit/webhooks-methods`, and the absence of any
 * replay window in our verifier (GitHub signs no timestamp).
 */
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { forgeHeaders, signHeaders, verify } from '../../../signing/index.js';
import { sha256, signInput, TOLERANCE, verifyInput } from './fixtures.js';

const NEW = 'gh-secret-new';
const OLD = 'gh-secret-old';

describe('github: accepted by @octokit/webhooks-methods', () => {
  const input = signInput([NEW]);
  const body = input.body as string;
  const sig = signHeaders('github', input)['X-Hub-Signature-256']!;

  it('accepts our signature, multi-byte UTF-8 included', async () => {
    expect(await octokitVerify(NEW, body, sig)).toBe(true);
    const utf8 = signInput([NEW], { body: '{"name":"Zoë ✓ 🚀"}' });
    expect(await octokitVerify(NEW, utf8.body as string, signHeaders('github', utf8)['X-Hub-Signature-256']!)).toBe(true);
  });

  it('rejects forged headers, a tampered body and a wrong secret', async () => {
    expect(await octokitVerify(NEW, body, forgeHeaders('github', input)['X-Hub-Signature-256']!)).toBe(false);
    expect(await octokitVerify(NEW, body + ' ', sig)).toBe(false);
    expect(await octokitVerify(OLD, body, sig)).toBe(false);
  });

  it('rotation: one signature slot, signed by the first secret', async () => {
    const both = signInput([NEW, OLD]);
    const h = signHeaders('github', both)['X-Hub-Signature-256']!;
    expect(h).toBe(sig);
    expect(await octokitVerify(NEW, body, h)).toBe(true);
  });
});

describe('github: our verifier', () => {
  const input = signInput([NEW]);
  const h = signHeaders('github', input);

  it('has no window: an old delivery still verifies', () => {
    expect(verify('github', verifyInput(input, h, { nowSeconds: input.timestamp + 1000 * TOLERANCE }))).toEqual({ ok: true, id: input.id, digest: sha256(input.body) });
  });

  it('returns the delivery id when present and does not need it', () => {
    const { 'X-GitHub-Delivery': _id, ...rest } = h;
    expect(verify('github', verifyInput(input, rest))).toEqual({ ok: true, digest: sha256(input.body) });
  });

  it('requires the sha256= prefix (the legacy sha1 header is not read)', () => {
    const hex = h['X-Hub-Signature-256']!.slice('sha256='.length);
    expect(verify('github', verifyInput(input, { 'X-Hub-Signature-256': hex }))).toEqual({ ok: false, reason: 'malformed' });
    expect(verify('github', verifyInput(input, { 'X-Hub-Signature': `sha1=${hex}` }))).toEqual({ ok: false, reason: 'missing_header' });
  });

  it('rejects a signature of the wrong length without throwing', () => {
    expect(verify('github', verifyInput(input, { 'X-Hub-Signature-256': 'sha256=abcd' }))).toEqual({ ok: false, reason: 'mismatch' });
  });
});
