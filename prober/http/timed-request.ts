/**
 * One HTTP request on a fresh connection, timed phase by phase.
 *
 * A new undici `Client` per probe means connect and TLS are measured every
 * time, as blackbox_exporter does. Timings come from the socket events of a
 * wrapped connector (`lookup`, `connect`, `secureConnect`), TTFB from the
 * resolution of `request()` and transfer from the end of the body read.
 */
import type { TLSSocket } from 'node:tls';
import type { Socket } from 'node:net';
import { buildConnector, Client } from 'undici';
import type { Phase } from '../../catalog/index.js';
import { classifyError, type RequestFailure } from './classify.js';
import { earliestCertExpiry } from './tls-expiry.js';

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
  const phases: Partial<Record<Phase, number>> = {};
  let tlsExpiry: number | undefined;
  let url = new URL(req.url);
  let method = req.method;
  let body = req.body;
  const signal = AbortSignal.timeout(req.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const one = await oneHop(url, method, req, body, signal, now);
      for (const [k, v] of Object.entries(one.phases) as [Phase, number][]) phases[k] = (phases[k] ?? 0) + v;
      if (one.tlsExpiry !== undefined) tlsExpiry = Math.min(tlsExpiry ?? Infinity, one.tlsExpiry);
      const location = one.response.headers.location;
      if (req.followRedirects && location && one.response.status >= 300 && one.response.status < 400 && hop < MAX_REDIRECTS) {
        url = new URL(location, url);
        // 303, and 301/302 after POST, turn into GET as browsers and curl do.
        if (one.response.status === 303 || ((one.response.status === 301 || one.response.status === 302) && method !== 'GET')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return { response: one.response, durationSeconds: now() - start, phases, ...(tlsExpiry !== undefined ? { tlsExpiry } : {}) };
    }
  } catch (err) {
    const failure = classifyError(err, signal.aborted);
    return { failure, durationSeconds: now() - start, phases, ...(tlsExpiry !== undefined ? { tlsExpiry } : {}) };
  }
}

interface Hop {
  response: TimedResponse;
  phases: Partial<Record<Phase, number>>;
  tlsExpiry?: number;
}

async function oneHop(url: URL, method: string, req: TimedRequest, body: string | undefined, signal: AbortSignal, now: () => number): Promise<Hop> {
  const t: { socketStart?: number; lookup?: number; connect?: number; secure?: number } = {};
  let tlsExpiry: number | undefined;
  const isTls = url.protocol === 'https:';
  const base = buildConnector({
    rejectUnauthorized: !req.tls.insecureSkipVerify,
    ...(req.tls.ca ? { ca: req.tls.ca } : {}),
    ...(req.tls.serverName ? { servername: req.tls.serverName } : {}),
    timeout: req.timeoutMs,
  });
  const client = new Client(url.origin, {
    connect: (opts, cb) => {
      t.socketStart = now();
      // The connector returns the socket it creates (typed void in undici 7).
      const socket = base(opts, cb) as unknown as Socket | TLSSocket;
      socket.once('lookup', () => (t.lookup = now()));
      socket.once('connect', () => (t.connect = now()));
      socket.once('secureConnect', () => {
        t.secure = now();
        tlsExpiry = earliestCertExpiry(socket as TLSSocket);
      });
      return socket;
    },
    pipelining: 1,
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
  });
  try {
    const hopStart = now();
    const res = await client.request({
      path: `${url.pathname}${url.search}`,
      method: method as 'GET',
      headers: { ...req.headers, host: url.host },
      ...(body !== undefined ? { body } : {}),
      signal,
    });
    const headersAt = now();
    const { text, truncated } = await readBounded(res.body, req.bodyLimitBytes);
    const end = now();
    const socketStart = t.socketStart ?? hopStart;
    const dnsDone = t.lookup ?? socketStart;
    const connected = t.connect ?? dnsDone;
    const ready = isTls ? (t.secure ?? connected) : connected;
    const phases: Partial<Record<Phase, number>> = {
      dns: dnsDone - socketStart,
      connect: connected - dnsDone,
      ...(isTls ? { tls: ready - connected } : {}),
      ttfb: headersAt - ready,
      transfer: end - headersAt,
    };
    return {
      response: { status: res.statusCode, headers: flattenHeaders(res.headers), body: text, truncated },
      phases,
      ...(tlsExpiry !== undefined ? { tlsExpiry } : {}),
    };
  } finally {
    // Fresh connection per probe: close it, never reuse.
    client.destroy().catch(() => undefined);
  }
}

async function readBounded(stream: AsyncIterable<Buffer>, limit: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream) {
    if (size < limit) {
      const take = chunk.subarray(0, limit - size);
      chunks.push(take);
      size += take.length;
      if (take.length < chunk.length) truncated = true;
    } else {
      truncated = true;
    }
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
