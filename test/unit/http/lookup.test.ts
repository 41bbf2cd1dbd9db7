/**
 * The prober's name lookup: `.invalid` fails at once (RFC 6761 §6.4), every
 * other name goes to dns.lookup as before, in both of node's call shapes.
 */
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { isInvalidName, lookup } from '../../../http/lookup.js';

const resolve = (host: string, all: boolean) =>
  new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>((ok) => lookup(host, { all }, (err, address) => ok({ err, address })));

describe('lookup', () => {
  it('recognizes invalid and names under it, in any case, with a root dot', () => {
    for (const h of ['invalid', 'x.invalid', 'a.b.INVALID', 'x.invalid.']) expect(isInvalidName(h)).toBe(true);
    for (const h of ['invalid.example', 'xinvalid', 'example.com', 'invalid-host']) expect(isInvalidName(h)).toBe(false);
  });

  it.each([false, true])('fails a .invalid name with ENOTFOUND without a query (all: %s)', async (all) => {
    const started = performance.now();
    const { err, address } = await resolve('hookwatch-probe.invalid', all);
    expect(performance.now() - started).toBeLessThan(50);
    expect(err).toMatchObject({ code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'hookwatch-probe.invalid' });
    expect(address).toEqual(all ? [] : '');
  });

  it('resolves other names through dns.lookup', async () => {
    const one = await resolve('localhost', false);
    expect(one.err).toBeNull();
    expect(one.address).toMatch(/^(127\.|::1$)/);
    const every = await resolve('localhost', true);
    expect(every.err).toBeNull();
    expect((every.address as LookupAddress[]).length).toBeGreaterThan(0);
  });
});
