/**
 * Name resolution for outbound requests: `dns.lookup`, except that a name
 * under `.invalid` fails at once with ENOTFOUND. RFC 6761 §6.4 asks resolver
 * libraries to answer those negatively without a query; glibc's
 * getaddrinfo sends one anyway, which with no reachable DNS server waits for
 * the resolver's timeouts instead of failing (and the probe then reports
 * `timeout`, not `dns_error`).
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';

/** True for `invalid` and any name under it, in any case, with or without the root dot. */
export function isInvalidName(host: string): boolean {
  return /(^|\.)invalid\.?$/i.test(host);
}

/** A drop-in `lookup` for node:net / node:http options. */
export const lookup: LookupFunction = (host, options, callback) => {
  if (!isInvalidName(host)) {
    dnsLookup(host, options, callback);
    return;
  }
  const err: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host });
  process.nextTick(() => callback(err, options.all ? [] : ''));
};
