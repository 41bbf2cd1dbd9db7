/**
 * The safety rules of a load test: bounded rate and duration, loopback
 * targets unless the caller explicitly allows remote ones. They live in the
 * core, not only in the CLI, so no caller can start an unbounded run.
 */
import { BlockList, isIP } from 'node:net';

/** Highest offered rate, requests per second. */
export const MAX_RATE = 2000;
/** Longest run, seconds (10m). */
export const MAX_DURATION_SECONDS = 600;
/** In-flight requests when the caller does not say. */
export const DEFAULT_CONCURRENCY = 64;
/**
 * Highest `--concurrency`: every slot is a socket, and the common default
 * file descriptor limit is 1024.
 */
export const MAX_CONCURRENCY = 1000;

/** A refused load test: `field` is the option at fault, the message says the rule. */
export class LoadtestLimitError extends Error {
  readonly code = 'HOOKWATCH_LOADTEST_LIMIT';
  override readonly name = 'LoadtestLimitError';
  constructor(readonly field: 'rate' | 'duration' | 'concurrency' | 'endpoint', message: string) {
    super(message);
  }
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * True for 127.0.0.0/8, ::1 (IPv4-mapped forms included) and `localhost`.
 * `hostname` is a URL's hostname: IPv6 literals keep their brackets there.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 4) return LOOPBACK.check(host, 'ipv4');
  if (family === 6) return LOOPBACK.check(host, 'ipv6');
  return false;
}

/** What a run asks for; checked by `checkLimits` before anything is sent. */
export interface LoadPlan {
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  readonly concurrency: number;
  readonly url: string;
  /** Lets a non-loopback URL through (`--allow-remote`). */
  readonly allowRemote: boolean;
}

/** Throws `LoadtestLimitError` for the first rule the plan breaks. */
export function checkLimits(plan: LoadPlan): void {
  const { ratePerSecond: rate, durationSeconds: duration, concurrency } = plan;
  if (!Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE) {
    throw new LoadtestLimitError('rate', `Invalid --rate "${rate}". Must be a number above 0 and at most ${MAX_RATE} per second.`);
  }
  if (!Number.isFinite(duration) || duration <= 0 || duration > MAX_DURATION_SECONDS) {
    throw new LoadtestLimitError('duration', `Invalid --duration "${duration}s". Must be above 0 and at most 10m.`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new LoadtestLimitError('concurrency', `Invalid --concurrency "${concurrency}". Must be a whole number from 1 to ${MAX_CONCURRENCY}.`);
  }
  const host = new URL(plan.url).hostname;
  if (!plan.allowRemote && !isLoopbackHost(host)) {
    throw new LoadtestLimitError('endpoint', `refusing to load-test ${host}: not a loopback address (127.0.0.0/8, ::1, localhost); pass --allow-remote if you own it`);
  }
}

/** Number of sends planned: one every 1/rate seconds, starting at 0, before `duration`. */
export function plannedCount(ratePerSecond: number, durationSeconds: number): number {
  // The epsilon keeps 50/s × 1s at 50 sends, not 51, despite float error.
  return Math.max(1, Math.ceil(ratePerSecond * durationSeconds - 1e-9));
}
