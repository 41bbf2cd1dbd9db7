/**
 * One request/response on a fresh connection with node:http / node:https
 * (`agent: false`), timed from socket events: `lookup` (DNS done),
 * `connect` (TCP done), `secureConnect` (TLS done), the `response` event
 * (TTFB) and the end of the body (transfer).
 *
 * Why not a fresh undici Client per probe: measured on this project's
 * benchmark, node's built-in client costs about two thirds of the CPU per
 * fresh-connection request (0.30 ms vs 0.46 ms), and the prober's budget is
 * half of blackbox_exporter's CPU per probe.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Phase } from '../catalog/index.js';
import { lookup } from './lookup.js';
import { earliestCertExpiry } from './tls-expiry.js';

export interface HopRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** The whole request's time limit (the hop then rejects with the timeout error). */
  readonly deadline: HopDeadline;
  readonly bodyLimitBytes: number;
  readonly tls: { readonly insecureSkipVerify: boolean; readonly ca?: string; readonly serverName?: string };
  readonly now: () => number;
}

/**
 * A request's time limit across its hops: `expired` once the time is up,
 * and the running hop's `abort`, which the limit's timer calls. A plain
 * object rather than an AbortSignal: measured on the single-probe
 * benchmark, an AbortController per probe with one listener made about a
 * third of what each scavenge copied survive into the old generation (with
 * bare node:http, nearly nothing does), so the old generation grew with the
 * probe rate.
 */
export interface HopDeadline {
  expired: boolean;
  abort: ((err: Error) => void) | undefined;
}

export interface HopResult {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly truncated: boolean;
  readonly phases: Partial<Record<Phase, number>>;
  readonly tlsExpiry?: number;
}

// Shared agents that never keep a connection alive (so every probe opens a
// fresh one) and never resume a TLS session (so every probe does a full
// handshake): cheaper than `agent: false`, which builds an agent per request.
const HTTP_AGENT = new HttpAgent({ keepAlive: false, maxSockets: Infinity });
const HTTPS_AGENT = new HttpsAgent({ keepAlive: false, maxSockets: Infinity, maxCachedSessions: 0 });

/** Rejects with the network error (classified by the caller). */
export function nodeHop(r: HopRequest): Promise<HopResult> {
  return new Promise((resolve, reject) => {
    const isTls = r.url.protocol === 'https:';
    const t: { start: number; lookup?: number; connect?: number; secure?: number; headers?: number } = { start: r.now() };
    let tlsExpiry: number | undefined;
    const options = {
      method: r.method,
      host: r.url.hostname.replace(/^\[|\]$/g, ''),
      port: r.url.port || (isTls ? 443 : 80),
      path: `${r.url.pathname}${r.url.search}`,
      headers: r.headers,
      agent: isTls ? HTTPS_AGENT : HTTP_AGENT,
      lookup,
      ...(isTls ? {
        rejectUnauthorized: !r.tls.insecureSkipVerify,
        ...(r.tls.ca ? { ca: r.tls.ca } : {}),
        servername: r.tls.serverName ?? (isIpLiteral(r.url.hostname) ? '' : r.url.hostname),
      } : {}),
    };
    const onResponse = (res: IncomingMessage) => {
      t.headers = r.now();
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on('data', (c: Buffer) => {
        if (size >= r.bodyLimitBytes) {
          truncated = true;
          return;
        }
        const take = c.length > r.bodyLimitBytes - size ? c.subarray(0, r.bodyLimitBytes - size) : c;
        if (take.length < c.length) truncated = true;
        chunks.push(take);
        size += take.length;
      });
      res.once('error', reject);
      res.once('end', () => {
        const end = r.now();
        const dnsDone = t.lookup ?? t.start;
        const connected = t.connect ?? dnsDone;
        const ready = isTls ? (t.secure ?? connected) : connected;
        // Literals with the optional fields set, not spread in (see prober/checks/delivery.ts); phases in PHASES order.
        const phases: Partial<Record<Phase, number>> = isTls
          ? { dns: dnsDone - t.start, connect: connected - dnsDone, tls: ready - connected, ttfb: t.headers! - ready, transfer: end - t.headers! }
          : { dns: dnsDone - t.start, connect: connected - dnsDone, ttfb: t.headers! - ready, transfer: end - t.headers! };
        const result: { -readonly [K in keyof HopResult]: HopResult[K] } = {
          status: res.statusCode ?? 0,
          headers: flatten(res.headers),
          body: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
          truncated,
          phases,
        };
        if (tlsExpiry !== undefined) result.tlsExpiry = tlsExpiry;
        resolve(result);
      });
    };
    const req = (isTls ? httpsRequest : httpRequest)(options, onResponse);
    // Not `signal` in the options, nor an AbortSignal at all (see HopDeadline).
    const deadline = r.deadline;
    const abort = (err: Error): void => void req.destroy(err);
    if (deadline.expired) abort(new Error('aborted'));
    else {
      deadline.abort = abort;
      req.once('close', () => { if (deadline.abort === abort) deadline.abort = undefined; });
    }
    req.once('socket', (s: Socket) => {
      s.once('lookup', () => (t.lookup = r.now()));
      s.once('connect', () => (t.connect = r.now()));
      if (isTls) {
        s.once('secureConnect', () => {
          t.secure = r.now();
          tlsExpiry = earliestCertExpiry(s as TLSSocket);
        });
      }
    });
    req.once('error', reject);
    req.end(r.body);
  });
}

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

function flatten(h: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in h) {
    const v = h[k];
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
