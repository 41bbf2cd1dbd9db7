/**
 * SLIs of the synthetic probes: availability and the rate-limit headroom the
 * receiver reports in its response headers.
 */
import { LABEL, METRICS, promql } from '../catalog/index.js';
import type { MatchValue } from '../catalog/promql.js';

const { aggregate, range, selector } = promql;

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
