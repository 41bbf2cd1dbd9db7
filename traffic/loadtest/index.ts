/**
 * `hookwatch loadtest`: signed synthetic events at a bounded rate to one
 * configured, loopback-only (by default) endpoint, on an open loop.
 *
 * ```ts
 * const summary = await runLoadtest({ endpoint, ratePerSecond: 200, durationSeconds: 30, userAgent: 'hookwatch-loadtest' });
 * summary.statusCodes; // { "202": 5990, "503": 10 }
 * ```
 */
export { checkLimits, isLoopbackHost, plannedCount, LoadtestLimitError, DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_DURATION_SECONDS, MAX_RATE, type LoadPlan } from './limits.js';
export { OpenLoop, type LoopClock, type LoopTiming, type OpenLoopOptions } from './open-loop.js';
export { renderBar, renderLine, startProgress, type ProgressSnapshot, type ProgressStream } from './progress.js';
export { runLoadtest, type LoadtestOptions, type LoadtestSummary } from './run.js';
export { EventSender, type SenderOptions } from './sender.js';
export { LoadStats, percentile, type ErrorKind, type LatencySummary, type SendOutcome } from './stats.js';
