/**
 * The request step shared by check kinds: target settings → timed request.
 */
import { timedRequest, type RequestOutcome } from '../../http/index.js';
import type { ProbeTarget } from '../types.js';

export function send(target: ProbeTarget, req: { url: string; method: 'GET' | 'POST' | 'PUT'; headers: Record<string, string>; body?: string }): Promise<RequestOutcome> {
  const e = target.endpoint;
  return timedRequest({
    url: req.url,
    method: req.method,
    headers: { 'user-agent': target.userAgent, ...e.headers, ...req.headers },
    ...(req.body !== undefined ? { body: req.body } : {}),
    timeoutMs: target.check.timeoutSeconds * 1000,
    bodyLimitBytes: target.bodyLimitBytes,
    tls: {
      insecureSkipVerify: e.tls.insecureSkipVerify,
      ...(target.ca ? { ca: target.ca } : {}),
      ...(e.tls.serverName ? { serverName: e.tls.serverName } : {}),
    },
    followRedirects: e.followRedirects,
  });
}
