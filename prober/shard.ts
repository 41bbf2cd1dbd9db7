/**
 * Prober sharding: which of `count` shards probes an endpoint, by a
 * rendezvous (highest random weight) hash of the endpoint's name. Every
 * endpoint lands in exactly one shard; going from N to N+1 shards moves only
 * the endpoints the new shard wins (about 1/(N+1)), and none moves between
 * the old shards. Stable across processes, machines and versions: SHA-256 of
 * the shard number and the name, no seed.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

function weight(shard: number, name: string): bigint {
  return createHash('sha256').update(`${shard}\u0000${name}`).digest().readBigUInt64BE(0);
}

/** The shard (0 … count − 1) that probes the endpoint `name`. */
export function shardOf(name: string, count: number): number {
  let best = 0;
  let top = -1n;
  for (let i = 0; i < count; i++) {
    const w = weight(i, name);
    if (w > top) {
      top = w;
      best = i;
    }
  }
  return best;
}

export function inShard(name: string, shard: Shard): boolean {
  return shard.count <= 1 || shardOf(name, shard.count) === shard.index;
}
