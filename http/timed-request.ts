/**
 * One HTTP request on a fresh connection per hop, timed phase by phase, with
 * redirects followed only when configured. A fresh connection per probe
 * means connect and TLS are measured every time, as blackbox_exporter does.
 */
import type { Phase } from '../catalog/index.js';
import { classifyError, type RequestFailure } from './classify.js';
import { nodeHop, type HopDeadline } from './node-hop.js';

export interface TimedRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** Stop reading the body after this many bytes (it is still drained). */
  readonly bodyLimitBytes: number;
  readonly tls: { readonly insecureSkipVerify: boolean; readonly ca?: string; readonly serverName?: string };
  readonly followRedirects: boolean;
  /** Monotonic clock in seconds; injected for tests. */
  readonly now?: () => number;
}

export interface TimedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body, cut at bodyLimitBytes. */
  readonly body: string;
  readonly truncated: boolean;
}

export interface RequestOutcome {
  /** Present when a response was received, whatever its status. */
  readonly response?: TimedResponse;
  /** Present when no complete response was received. */
  readonly failure?: RequestFailure;
  readonly durationSeconds: number;
  /** Phases that happened; dns is 0 for IP literals, tls absent for http. */
  readonly phases: Partial<Record<Phase, number>>;
  /** Unix seconds of the earliest certificate expiry in the served chain. */
  readonly tlsExpiry?: number;
}

const monotonic = (): number => Number(process.hrtime.bigint()) / 1e9;
const MAX_REDIRECTS = 5;

/** Sends the request; never throws for network or HTTP failures. */
export async function timedRequest(req: TimedRequest): Promise<RequestOutcome> {
  const now = req.now ?? monotonic;
  const start = now();
  // A redirect's hops add up; one hop's phases are the request's (most requests have one).
  let phases: Partial<Record<Phase, number>> = {};
  let tlsExpiry: number | undefined;
  let url = new URL(req.url);
  let method = req.method;
  let body = req.body;
  // A timer cleared when the request ends, not AbortSignal.timeout: that one
  // lives (with a weak reference to its signal) for the whole timeout, 10 s
  // by default, whatever the probe took. No AbortController either (see HopDeadline).
  const deadline: HopDeadline = { expired: false, abort: undefined };
  const timer = setTimeout(() => {
    deadline.expired = true;
    deadline.abort?.(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, req.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const one = await nodeHop({ url, method, headers: { ...req.headers, host: url.host }, body, deadline, bodyLimitBytes: req.bodyLimitBytes, tls: req.tls, now });
      if (hop === 0) phases = one.phases;
      else for (const k in one.phases) phases[k as Phase] = (phases[k as Phase] ?? 0) + one.phases[k as Phase]!;
      if (one.tlsExpiry !== undefined) tlsExpiry = Math.min(tlsExpiry ?? Infinity, one.tlsExpiry);
      const location = one.headers.location;
      if (req.followRedirects && location && one.status >= 300 && one.status < 400 && hop < MAX_REDIRECTS) {
        url = new URL(location, url);
        // 303, and 301/302 after POST, turn into GET as browsers and curl do.
        if (one.status === 303 || ((one.status === 301 || one.status === 302) && method !== 'GET')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      const response: TimedResponse = { status: one.status, headers: one.headers, body: one.body, truncated: one.truncated };
      return outcome({ response, durationSeconds: now() - start, phases }, tlsExpiry);
    }
  } catch (err) {
    const failure = classifyError(err, deadline.expired);
    return outcome({ failure, durationSeconds: now() - start, phases }, tlsExpiry);
  } finally {
    clearTimeout(timer);
  }
}

/** The outcome with `tlsExpiry` set only when known; set, not spread in (see prober/checks/delivery.ts). */
function outcome(o: { -readonly [K in keyof RequestOutcome]: RequestOutcome[K] }, tlsExpiry: number | undefined): RequestOutcome {
  if (tlsExpiry !== undefined) o.tlsExpiry = tlsExpiry;
  return o;
}
