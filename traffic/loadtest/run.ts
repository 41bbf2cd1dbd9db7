/**
 * A load test from start to summary: check the limits, send on the open
 * loop, report progress, and count what came back.
 */
import { randomUUID } from 'node:crypto';
import { maskUrls, type EndpointConfig } from '../../config/index.js';
import { checkLimits, DEFAULT_CONCURRENCY, plannedCount } from './limits.js';
import { OpenLoop, type LoopClock } from './open-loop.js';
import { startProgress, type ProgressStream } from './progress.js';
import { EventSender } from './sender.js';
import { LoadStats, type LatencySummary } from './stats.js';

export interface LoadtestOptions {
  /** A configured endpoint: the only kind of target a run accepts. */
  readonly endpoint: EndpointConfig;
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  readonly concurrency?: number;
  /** Lets a non-loopback endpoint through. */
  readonly allowRemote?: boolean;
  readonly userAgent: string;
  /** PEM of the endpoint's tls.ca_file. */
  readonly ca?: string;
  /** Where progress goes (stderr in the CLI); none when absent. */
  readonly progress?: ProgressStream;
  readonly lineEverySeconds?: number;
  /** Stops sending early; the summary covers what was sent. */
  readonly signal?: AbortSignal;
  readonly clock?: LoopClock;
  readonly nowSeconds?: () => number;
  readonly newId?: () => string;
}

/** What a run did; `--json` prints exactly this. */
export interface LoadtestSummary {
  readonly endpoint: string;
  readonly url: string;
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  readonly concurrency: number;
  readonly planned: number;
  readonly sent: number;
  /** Planned sends skipped because every concurrency slot was busy. */
  readonly dropped: number;
  /** Counts per HTTP status code. */
  readonly statusCodes: Readonly<Record<string, number>>;
  /** Counts per error kind (timeout, connect_error, dns_error, tls_error). */
  readonly errors: Readonly<Record<string, number>>;
  /** The first error message of each kind. */
  readonly errorDetails: Readonly<Record<string, string>>;
  /** Exact percentiles over every response (errors excluded); null when none came back. */
  readonly latencySeconds: LatencySummary | null;
  /** Sends per second over the sending window. */
  readonly achievedRatePerSecond: number;
  /** Wall time including waiting for the last responses. */
  readonly elapsedSeconds: number;
  /** True when stopped early (Ctrl-C). */
  readonly aborted: boolean;
}

const monotonic = (): number => Number(process.hrtime.bigint()) / 1e9;
const realClock: LoopClock = { now: monotonic, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** Runs one load test. Throws `LoadtestLimitError` before sending anything when the plan breaks a limit. */
export async function runLoadtest(o: LoadtestOptions): Promise<LoadtestSummary> {
  const e = o.endpoint;
  const concurrency = o.concurrency ?? DEFAULT_CONCURRENCY;
  checkLimits({ ratePerSecond: o.ratePerSecond, durationSeconds: o.durationSeconds, concurrency, url: e.url, allowRemote: o.allowRemote ?? false });
  const clock = o.clock ?? realClock;
  const count = plannedCount(o.ratePerSecond, o.durationSeconds);
  const stats = new LoadStats(count);
  const delivery = e.checks.delivery;
  const sender = new EventSender({
    endpoint: e,
    connections: concurrency,
    timeoutSeconds: delivery.timeoutSeconds,
    userAgent: o.userAgent,
    ...(o.ca !== undefined ? { ca: o.ca } : {}),
    ...(delivery.body !== undefined ? { template: delivery.body } : {}),
    now: clock.now,
    nowSeconds: o.nowSeconds ?? (() => Date.now() / 1000),
    newId: o.newId ?? (() => `msg_hw_${randomUUID().replace(/-/g, '')}`),
  });
  const loop = new OpenLoop({
    ratePerSecond: o.ratePerSecond,
    durationSeconds: o.durationSeconds,
    count,
    concurrency,
    send: async (seq) => stats.record(await sender.send(seq)),
    clock,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const progress = o.progress && startProgress({
    stream: o.progress,
    snapshot: () => ({ elapsedSeconds: loop.elapsed(), durationSeconds: o.durationSeconds, planned: count, sent: loop.sent, dropped: loop.dropped, inFlight: loop.inFlight, failed: stats.failed }),
    ...(o.lineEverySeconds !== undefined ? { lineEverySeconds: o.lineEverySeconds } : {}),
  });
  try {
    const timing = await loop.run();
    return {
      endpoint: e.name,
      // Printed and written as JSON: credentials and query values masked.
      url: maskUrls(e.url),
      ratePerSecond: o.ratePerSecond,
      durationSeconds: o.durationSeconds,
      concurrency,
      planned: count,
      sent: loop.sent,
      dropped: loop.dropped,
      statusCodes: stats.statusCodes(),
      errors: stats.errorKinds(),
      errorDetails: stats.errorDetails(),
      latencySeconds: stats.latency() ?? null,
      achievedRatePerSecond: timing.sendingSeconds > 0 ? loop.sent / timing.sendingSeconds : 0,
      elapsedSeconds: timing.elapsedSeconds,
      aborted: timing.aborted,
    };
  } finally {
    progress?.stop();
    await sender.close();
  }
}
