/**
 * Detection bounds of the end-to-end scenarios, derived from the intervals
 * the test configures: each bound is a list of named terms so the test, its
 * artifact and `bench/detection.mjs` (BENCHMARKS.md) show the same
 * derivation. A bound is the latest a notification should arrive after the
 * fault is injected when every phase is at its worst alignment (a sample is
 * a whole scrape old, the rule group has just run, ...) and, where the fault
 * is random (20% 5xx), its outcomes are those 9 runs in 10 reach.
 *
 * Every scenario ends with the same tail: the first evaluation after the
 * condition holds in the data (≤ evaluation interval) makes the alert
 * pending; `for` later it fires and Prometheus sends it at once (the stack
 * runs with `--rules.alert.resend-delay` = evaluation interval, and a first
 * send is never delayed); Alertmanager opens a new group (`group_by`
 * alertname, endpoint) and flushes it after `group_wait`. One second covers
 * the work in between: the probe or delivery request, the exporter's poll
 * (0.25 s), receiver processing and the Prometheus → Alertmanager → capture
 * HTTP calls (tens of ms each on localhost).
 */

/** Intervals set through the config, in seconds. */
export interface Intervals {
  readonly scrape: number;
  readonly evaluation: number;
  readonly groupWait: number;
  readonly probe: number;
  readonly for: number;
}

/** The traffic the scenarios see: the simulator and the injected faults. */
export interface Traffic {
  /** Events per second to each endpoint (simulator rate ÷ endpoints). */
  readonly perEndpoint: number;
  /** `flaky`: share of attempts answered 5xx; one retry per failed event. */
  readonly errorRatio: number;
  /** `failure_rate.threshold` and `failure_rate.window` (s). */
  readonly threshold: number;
  readonly window: number;
  /** `limited`: requests allowed per window, and `rate_limit.remaining_ratio`. */
  readonly rateLimit: number;
  readonly remainingRatio: number;
}

export type Term = readonly [what: string, seconds: number];
export interface Bound {
  readonly terms: readonly Term[];
  readonly seconds: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function bound(terms: Term[]): Bound {
  return { terms, seconds: round1(terms.reduce((s, [, v]) => s + v, 0)) };
}

/**
 * Seconds after the fault until the failure ratio over the window exceeds
 * the threshold. Before the fault the window holds r·W attempts, none
 * failed; after it every attempt fails with probability e and a failed
 * event is retried once (a failed retry is dead-lettered), so t seconds in
 * (t < W) the window holds r·(W + e·t) attempts and F(t) failed ones, with
 * E[F] = a·t, a = r·e·(1 + e). The ratio passes θ once F(t) > θ·r·(W + e·t):
 * in expectation (z = 0) at t = θ·W / (e·(1 + e − θ)), 6.8 s at e = 0.2,
 * θ = 0.1, W = 15 s, whatever the send rate r. But only ≈ θ·r·W = 8 failed
 * attempts are needed at 5 events/s, and that count is random (Poisson,
 * ±3): with z = 1.28, a·t − z·√(a·t) = θ·r·(W + e·t) gives the time 9 runs
 * in 10 reach, 11.1 s. F never decreases before t = W (no failure has left
 * the window yet), so the first crossing holds through `for`.
 */
export function windowFill(t: Pick<Traffic, 'perEndpoint' | 'errorRatio' | 'threshold' | 'window'>, z = 0): number {
  const { perEndpoint: r, errorRatio: e, threshold: th, window: w } = t;
  const a = r * e * (1 + e);
  const k = a - th * r * e; // coefficient of t; u = √t solves k·u² − z·√a·u − θ·r·W = 0
  const u = (z * Math.sqrt(a) + Math.sqrt(z * z * a + 4 * k * th * r * w)) / (2 * k);
  return u * u;
}

/** One-sided z of the 90th percentile: the window-fill term is met in 9 runs of 10. */
export const Z90 = 1.2816;

/** Bounds by scenario name (the names the test reports). */
export function detectionBounds(i: Intervals, t: Traffic): Record<string, Bound> {
  const tail: Term[] = [['evaluation', i.evaluation], ['for', i.for], ['group_wait', i.groupWait], ['requests and notification', 1]];
  // A probe fails at the next probe; its probe_up = 0 is scraped within a scrape interval.
  const probe = bound([['next probe', i.probe], ['scrape', i.scrape], ...tail]);
  return {
    '2. endpoint down → PagerDuty': probe,
    '2. endpoint down → Slack': probe,
    '3. 20% 5xx → Slack': bound([
      [`window fill, 9 runs in 10 (expected ${round1(windowFill(t))}; ${t.errorRatio * 100}% errors, threshold ${t.threshold * 100}%, ${t.window} s window)`, round1(windowFill(t, Z90))],
      // The failure series is created by the first failure: its first sample
      // is rate()'s baseline, so the failures before it never count.
      ['new failure series: first sample is the baseline', i.scrape],
      ['scrape', i.scrape],
      ...tail,
    ]),
    // The depth series is created by the first DLQ event; deriv() needs a second sample.
    '4. DLQ growing → Slack': bound([['first dead-lettered event', round1(1 / t.perEndpoint)], ['first depth sample', i.scrape], ['second sample (deriv)', i.scrape], ...tail]),
    '5. rate limit approaching → Slack': bound([
      [`quota used below ${t.remainingRatio * 100}% (simulator alone)`, round1(((1 - t.remainingRatio) * t.rateLimit) / t.perEndpoint)],
      ['scrape', i.scrape],
      ...tail,
    ]),
    '6. both regions cut off → PagerDuty': probe,
  };
}

/** "next probe 1 + scrape 1 + … = 9 s" */
export function derivation(b: Bound): string {
  return `${b.terms.map(([w, s]) => `${w} ${s}`).join(' + ')} = ${b.seconds} s`;
}
