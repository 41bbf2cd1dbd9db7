/**
 * SLIs of the synthetic probes: availability and the rate-limit headroom the
 * receiver reports in its response headers.
 */
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { MatchValue } from '../catalog/promql.js';

const { aggregate, increase, range, selector } = promql;

/** Matchers on the labels every probe series has. */
export type ProbeMatch = Partial<Record<typeof LABEL.endpoint | typeof LABEL.check | typeof LABEL.region, MatchValue>>;

/** Share of successful probes (all checks and regions) per endpoint over `window`. */
export function syntheticAvailability(match: ProbeMatch, window: string): string {
  return aggregate('avg', [LABEL.endpoint], `avg_over_time(${range(METRICS.probeUp, match, window)})`);
}

/** Rate-limit headroom (remaining / limit) from probe responses, lowest per endpoint. */
export function probeRateLimitHeadroom(match: ProbeMatch): string {
  return aggregate('min', [LABEL.endpoint], `${selector(METRICS.probeRateLimitRemaining, match)} / ${selector(METRICS.probeRateLimitLimit, match)}`);
}

/**
 * 1 when a check passes in a region: the highest over the series that share
 * (endpoint, region, check). HA twins (same shard, another `replica` or
 * `instance`) are deduplicated, and one broken twin cannot mark its region
 * down while the other sees the endpoint up.
 */
export function regionCheckUp(match: ProbeMatch): string {
  return aggregate('max', [LABEL.endpoint, LABEL.region, LABEL.check], selector(METRICS.probeUp, match));
}

/** 1 when every check of `match` passes in a region, 0 when any fails: one series per (endpoint, region), whatever the replicas. */
export function regionUp(match: ProbeMatch): string {
  return aggregate('min', [LABEL.endpoint, LABEL.region], regionCheckUp(match));
}

/** Probes with one result over `window`, per (endpoint, region): the highest of the HA twins, never their sum. */
export function regionProbeIncrease(match: ProbeMatch & { result: MatchValue }, window: string): string {
  return aggregate('max', [LABEL.endpoint, LABEL.region], increase(METRICS.probes, match, window));
}

/**
 * Regions whose probe series were seen within `memory` but are not now: a
 * region whose prober, agent or link to the central store went silent. It
 * fires for `memory` after the silence (the global `absent()` covers "every
 * region gone" for good). A subquery of one `group` per minute keeps it cheap.
 */
export function silentRegions(memory: string): string {
  const regions = `group by (${LABEL.region}) (${selector(METRICS.probeUp)})`;
  return `max_over_time((${regions})[${memory}:1m]) unless on (${LABEL.region}) ${regions}`;
}
