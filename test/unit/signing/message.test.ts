import { describe, expect, it } from 'vitest';
import { message } from '../../../signing/mac.js';
import { signHeaders, verify } from '../../../signing/index.js';

/** Each part encoded on its own, then concatenated: the bytes a signature must cover. */
const partByPart = (...parts: (string | Uint8Array)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));

describe('signed message bytes', () => {
  it('are each part encoded on its own, whether the parts are text or bytes', () => {
    for (const parts of [['id.1700000000.', '{"a":"é"}'], ['', ''], ['a', new Uint8Array([0xff, 0x00])], ['x.', 'pair \ud83d\ude00']] as (string | Uint8Array)[][]) {
      expect(message(...parts).equals(partByPart(...parts))).toBe(true);
    }
  });

  it('never pair a part ending in a lone high surrogate with the next part\'s low one', () => {
    // Joined first, '\ud83d' + '\ude00' would encode as one 4-byte emoji; apart, each is EF BF BD.
    const parts = ['id.\ud83d', '\ude00'];
    expect(message(...parts).equals(partByPart(...parts))).toBe(true);
    expect(message(...parts).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(false);
  });
});

describe('standard-webhooks signing with the decoded key kept', () => {
  it('signs with each secret of a rotation, also after another secret was used', () => {
    const a = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const b = 'whsec_dGVzdF9zZWNyZXRfdHdvX2Zvcl9yb3RhdGlvbg==';
    const input = (secrets: string[]) => ({ id: 'msg_1', timestamp: 1_700_000_000, body: '{"x":1}', secrets });
    const first = signHeaders('standard-webhooks', input([a]));
    const other = signHeaders('standard-webhooks', input([b]));
    const again = signHeaders('standard-webhooks', input([a]));
    expect(again).toEqual(first);
    expect(other['webhook-signature']).not.toBe(first['webhook-signature']);
    for (const [h, secret] of [[first, a], [other, b]] as const) {
      expect(verify('standard-webhooks', { headers: h, body: '{"x":1}', secrets: [secret], nowSeconds: 1_700_000_000, toleranceSeconds: 300 }).ok).toBe(true);
    }
  });
});
