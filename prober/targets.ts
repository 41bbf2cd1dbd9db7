/**
 * Config → the list of (endpoint, check) targets the prober runs.
 */
import { readFileSync } from 'node:fs';
import { CHECKS, type Check } from '../catalog/index.js';
import type { Config } from '../config/index.js';
import { inShard } from './shard.js';
import type { ProbeTarget } from './types.js';

export const targetKey = (endpoint: string, check: Check): string => `${endpoint}/${check}`;

/** Enabled checks of every endpoint of this prober's shard; CA files are read once here. */
export function buildTargets(config: Config, readFile: (p: string) => string = (p) => readFileSync(p, 'utf8')): ProbeTarget[] {
  const out: ProbeTarget[] = [];
  for (const endpoint of config.endpoints) {
    if (!inShard(endpoint.name, config.prober.shard)) continue;
    const ca = endpoint.tls.caFile ? readFile(endpoint.tls.caFile) : undefined;
    for (const kind of CHECKS) {
      const check = endpoint.checks[kind];
      if (!check.enabled) continue;
      out.push({
        endpoint,
        check,
        region: config.prober.region,
        bodyLimitBytes: config.prober.bodyLimitBytes,
        userAgent: config.prober.userAgent,
        ...(ca !== undefined ? { ca } : {}),
      });
    }
  }
  return out;
}
