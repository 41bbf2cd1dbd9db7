/**
 * Delivery figures per endpoint from the exporter running in the same
 * process: success rate, retry rate, DLQ depth and rate-limit headroom.
 *
 * The exporter hands us its per-endpoint totals through a function (no
 * exposition text in between), so the page shows the numbers the
 * dashboards do. Rates are computed the way the alert rules compute them
 * (`1 - failures/attempts`, `retries/attempts`) over the samples of the
 * last RATE_WINDOW seconds; with a single sample they fall back to the
 * totals since the exporter's state began, and say so.
 */

import type { DeliveryStats } from './api-types.js';

/** Seconds of samples kept for rates (the alerts' `5m`). */
export const RATE_WINDOW = 300;
/** Shorter spans give rates of a handful of attempts: below this we show totals. */
export const MIN_WINDOW = 30;
/** Samples kept at most, whatever the sampling rate. */
const MAX_SAMPLES = 64;

/** One endpoint's totals since the exporter's state began; gauges absent until seen. */
export interface DeliveryTotals {
  readonly attempts: number;
  readonly failures: number;
  readonly retries: number;
  readonly dlqDepth?: number;
  readonly rateLimitRemaining?: number;
  readonly rateLimitLimit?: number;
}

/** Where the figures come from: the in-process exporter's totals per endpoint, read once a sample. */
export type DeliveryFiguresSource = () => Promise<ReadonlyMap<string, DeliveryTotals>>;

const NONE: DeliveryTotals = { attempts: 0, failures: 0, retries: 0 };

/** A bounded window of exporter samples. */
export class DeliveryWindow {
  readonly #samples: { at: number; totals: ReadonlyMap<string, DeliveryTotals> }[] = [];

  /** Adds a sample taken at `at` (unix seconds) and forgets those out of the window. */
  add(at: number, totals: ReadonlyMap<string, DeliveryTotals>): void {
    this.#samples.push({ at, totals });
    // Keep one sample at or before the window start, so rates span the full window.
    while (this.#samples.length > 2 && this.#samples[1]!.at <= at - RATE_WINDOW) this.#samples.shift();
    while (this.#samples.length > MAX_SAMPLES) this.#samples.shift();
  }

  /** Time of the newest sample, or undefined before the first. */
  get newestAt(): number | undefined {
    return this.#samples[this.#samples.length - 1]?.at;
  }

  /** Figures for one endpoint; null before the first sample. */
  stats(endpoint: string): DeliveryStats | null {
    const newest = this.#samples[this.#samples.length - 1];
    if (!newest) return null;
    const now = newest.totals.get(endpoint) ?? NONE;
    const oldest = this.#samples[0]!;
    const then = oldest === newest ? undefined : oldest.totals.get(endpoint) ?? NONE;
    // Too short a span, or a counter that went down (the exporter's state
    // restarted): use the totals.
    const windowed = then !== undefined && newest.at - oldest.at >= MIN_WINDOW && now.attempts >= then.attempts;
    const attempts = windowed ? now.attempts - then.attempts : now.attempts;
    const failures = windowed ? now.failures - then.failures : now.failures;
    const retries = windowed ? now.retries - then.retries : now.retries;
    const limit = now.rateLimitLimit;
    const remaining = now.rateLimitRemaining;
    return {
      windowSeconds: windowed ? newest.at - oldest.at : null,
      attempts,
      successRatio: attempts > 0 ? Math.max(0, 1 - failures / attempts) : null,
      retryRatio: attempts > 0 ? retries / attempts : null,
      dlqDepth: now.dlqDepth ?? null,
      rateLimitHeadroom: limit && remaining !== undefined ? Math.max(0, Math.min(1, remaining / limit)) : null,
      rateLimitRemaining: remaining ?? null,
      rateLimitLimit: limit ?? null,
    };
  }
}
