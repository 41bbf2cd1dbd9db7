/**
 * prober.shard: every endpoint is probed by exactly one of N shards, the
 * split is stable (a fixed hash, no seed) and adding a shard moves only the
 * endpoints the new shard takes, about 1/(N+1) of them.
 */
import { describe, expect, it } from 'vitest';
import { buildTargets, inShard, shardOf } from '../../../prober/index.js';
import { configErrors, configFromYaml } from '../../support/config.js';

const names = Array.from({ length: 3000 }, (_, i) => `endpoint-${i}`);

const config = (shard: string, env: Record<string, string> = {}) => configFromYaml(`
endpoints:
${names.slice(0, 40).map((n) => `  - { name: ${n}, url: "https://${n}.example.com/hook" }`).join('\n')}
prober: { shard: ${shard} }
`, env);

describe('prober.shard', () => {
  it('puts every endpoint in exactly one shard, for 1 to 5 shards', () => {
    for (let count = 1; count <= 5; count++) {
      const owners = names.map((n) => Array.from({ length: count }, (_, index) => index).filter((index) => inShard(n, { index, count })));
      expect(owners.every((o) => o.length === 1), `count ${count}`).toBe(true);
      // Balanced within 15% of an even split.
      for (let index = 0; index < count; index++) {
        const mine = owners.filter((o) => o[0] === index).length;
        expect(Math.abs(mine - names.length / count)).toBeLessThan(0.15 * names.length / count);
      }
    }
  });

  it('going from N to N+1 shards moves only endpoints into the new shard, about 1/(N+1) of them', () => {
    for (let n = 1; n <= 4; n++) {
      const moved = names.filter((name) => shardOf(name, n) !== shardOf(name, n + 1));
      expect(moved.every((name) => shardOf(name, n + 1) === n)).toBe(true);
      expect(Math.abs(moved.length / names.length - 1 / (n + 1))).toBeLessThan(0.03);
    }
  });

  it('is a fixed function of the name (same split on every machine and run)', () => {
    const names = ['payments-primary', 'github', 'stripe', 'shopify', 'slack'];
    expect(names.map((n) => shardOf(n, 2))).toEqual([0, 1, 1, 1, 0]);
    expect(names.map((n) => shardOf(n, 3))).toEqual([0, 1, 2, 1, 2]);
  });

  it('the prober builds targets only for its shard; shards 0/2 and 1/2 together cover the endpoints once', () => {
    const of = (index: number) => new Set(buildTargets(config(`{ index: ${index}, count: 2 }`)).map((t) => t.endpoint.name));
    const [a, b] = [of(0), of(1)];
    expect(a.size).toBeGreaterThan(0);
    expect(b.size).toBeGreaterThan(0);
    expect([...a].filter((n) => b.has(n))).toEqual([]);
    expect(new Set([...a, ...b]).size).toBe(40);
    expect(buildTargets(config('{ index: 0, count: 1 }')).length).toBe(40);
  });

  it('takes the index from an ${env:…} reference, and refuses an index outside the count', () => {
    expect(config('{ index: "${env:SHARD}", count: 2 }', { SHARD: '1' }).prober.shard).toEqual({ index: 1, count: 2 });
    const errors = configErrors('endpoints: [{ name: a, url: "https://a.example.com/" }]\nprober: { shard: { index: 2, count: 2 } }\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/hookwatch\.yaml:2:.*prober\.shard\.index.*a shard index below count \(2\)/);
  });
});
