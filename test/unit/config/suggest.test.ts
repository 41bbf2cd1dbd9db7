import { describe, expect, it } from 'vitest';
import { editDistance, suggest, unknownKeyProblem } from '../../../config/suggest.js';

describe('did-you-mean suggestions', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('helth_url', 'health_url')).toBe(1);
    expect(editDistance('chekc', 'check')).toBe(1);
    expect(editDistance('lsiten', 'listen')).toBe(1);
    expect(editDistance('url', 'url')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest name within two edits, and nothing further away', () => {
    const known = ['name', 'url', 'health_url', 'signing'];
    expect(suggest('helth_url', known)).toBe('health_url');
    expect(suggest('HEALTH_URL', known)).toBe('health_url');
    expect(suggest('sgnin', known)).toBe('signing');
    expect(suggest('retries', known)).toBeUndefined();
    // A one-letter key is not "two edits from" every short key.
    expect(suggest('x', ['id', 'ab'])).toBeUndefined();
  });

  it('words the problem for one line', () => {
    expect(unknownKeyProblem('helth_url', ['url', 'health_url'])).toBe('unknown key (did you mean health_url?)');
    expect(unknownKeyProblem('retries', ['name', 'url'])).toBe('unknown key (expected one of name, url)');
    expect(unknownKeyProblem('retries', [])).toBe('unknown key');
  });
});
