import { describe, expect, it } from 'vitest';
import { BatchKeys } from '../../../../exporter/state/batch-keys.js';

const batch = (accepted: number) => ({ accepted, rejected: 0, digest: `d${accepted}` });

describe('BatchKeys', () => {
  it('remembers what a key produced, and forgets it once older than the ttl', () => {
    let now = 1000;
    const keys = new BatchKeys({ ttlSeconds: 60, maxEntries: 10 }, () => now);
    keys.remember('a', batch(3));
    now = 1059;
    expect(keys.get('a')).toEqual({ accepted: 3, rejected: 0, digest: 'd3', at: 1000 });
    now = 1060;
    expect(keys.get('a')).toBeUndefined();
    expect(keys.size).toBe(0);
  });

  it('evicts the oldest first beyond the count', () => {
    let now = 0;
    const keys = new BatchKeys({ ttlSeconds: 3600, maxEntries: 3 }, () => now);
    for (const k of ['a', 'b', 'c', 'd']) {
      now++;
      keys.remember(k, batch(now));
    }
    expect(keys.get('a')).toBeUndefined();
    expect(['b', 'c', 'd'].map((k) => keys.get(k)?.accepted)).toEqual([2, 3, 4]);
    expect(keys.toJSON().map(([k]) => k)).toEqual(['b', 'c', 'd']);
  });

  it('round-trips through its checkpoint form, applying the limits it is loaded with', () => {
    let now = 100;
    const a = new BatchKeys({ ttlSeconds: 3600, maxEntries: 10 }, () => now);
    a.remember('k1', { accepted: 2, rejected: 1, digest: 'x' });
    now = 200;
    a.remember('k2', { accepted: 5, rejected: 0, digest: 'y' });
    const saved = JSON.parse(JSON.stringify(a.toJSON())) as ReturnType<BatchKeys['toJSON']>;
    expect(saved).toEqual([['k1', 100, 2, 1, 'x'], ['k2', 200, 5, 0, 'y']]);
    const b = new BatchKeys({ ttlSeconds: 3600, maxEntries: 10 }, () => now, saved);
    expect(b.get('k1')).toEqual({ at: 100, accepted: 2, rejected: 1, digest: 'x' });
    // A smaller window on load (or on reload) forgets the oldest keys.
    expect(new BatchKeys({ ttlSeconds: 3600, maxEntries: 1 }, () => now, saved).toJSON().map(([k]) => k)).toEqual(['k2']);
    b.reconfigure({ ttlSeconds: 50, maxEntries: 10 });
    expect(b.toJSON().map(([k]) => k)).toEqual(['k2']);
  });

  it('a key remembered again moves to the young end', () => {
    let now = 0;
    const keys = new BatchKeys({ ttlSeconds: 3600, maxEntries: 2 }, () => now);
    keys.remember('a', batch(1));
    now = 1;
    keys.remember('b', batch(2));
    now = 2;
    keys.remember('a', batch(3));
    now = 3;
    keys.remember('c', batch(4));
    expect(keys.toJSON().map(([k]) => k)).toEqual(['a', 'c']);
  });
});
