import { describe, expect, it } from 'vitest';
import { parseRateLimit, parseRetryAfter } from '../../../http/index.js';

const NOW = 1_800_000_000;

describe('rate-limit headers', () => {
  it('reads the IETF RateLimit-* headers', () => {
    expect(parseRateLimit({ 'ratelimit-limit': '100', 'ratelimit-remaining': '7', 'ratelimit-reset': '12' }, NOW)).toEqual({ limit: 100, remaining: 7, resetSeconds: 12 });
  });
  it('reads X-RateLimit-* with an epoch reset as seconds from now', () => {
    expect(parseRateLimit({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(NOW + 90) }, NOW)).toEqual({ limit: 5000, remaining: 4999, resetSeconds: 90 });
  });
  it('reads the structured RateLimit header', () => {
    expect(parseRateLimit({ ratelimit: 'limit=10, remaining=2, reset=5' }, NOW)).toEqual({ limit: 10, remaining: 2, resetSeconds: 5 });
  });
  it('falls back to Retry-After, in seconds or as a date', () => {
    expect(parseRateLimit({ 'retry-after': '30' }, NOW)).toEqual({ resetSeconds: 30 });
    expect(parseRetryAfter(new Date((NOW + 60) * 1000).toUTCString(), NOW)).toBe(60);
  });
  it('returns nothing without rate-limit headers, and ignores garbage', () => {
    expect(parseRateLimit({ 'content-type': 'text/plain' }, NOW)).toBeUndefined();
    expect(parseRateLimit({ 'ratelimit-remaining': 'lots' }, NOW)).toBeUndefined();
  });
});
