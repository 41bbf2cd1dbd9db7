import { describe, expect, it } from 'vitest';
import { KEY_MAX_LENGTH, readIdempotencyKey } from '../../../../exporter/sources/idempotency-key.js';

describe('readIdempotencyKey', () => {
  it('is absent without the header, and takes UUIDs, ULIDs, base64url and client:sequence keys', () => {
    expect(readIdempotencyKey(undefined)).toEqual({ key: null });
    for (const key of ['7f9c1e2a-4b3d-4e5f-8a9b-0c1d2e3f4a5b', '01HZX3K9V6Q8R2T4W6Y8Z0B2C4', 'aGVsbG8td29ybGQ_-', 'shipper-1:42', 'x'.repeat(KEY_MAX_LENGTH)]) {
      expect(readIdempotencyKey(key)).toEqual({ key });
    }
  });

  it('refuses empty, over-long, repeated and unsafe keys with one line saying why', () => {
    const cases: [string | string[], RegExp][] = [
      ['', /empty/],
      ['x'.repeat(KEY_MAX_LENGTH + 1), /got 129 characters, expected at most 128/],
      ['a, b', /only letters, digits/],
      ['key with space', /only letters, digits/],
      ['naïve', /only letters, digits/],
      ['a\tb', /only letters, digits/],
      ['a/b', /only letters, digits/],
      [['a', 'b'], /more than once/],
    ];
    for (const [value, reason] of cases) {
      const r = readIdempotencyKey(value);
      expect('error' in r && r.error, String(value)).toMatch(reason);
      if ('error' in r) {
        expect(r.error).toMatch(/^Idempotency-Key: /);
        expect(r.error).not.toContain('\n');
      }
    }
  });
});
