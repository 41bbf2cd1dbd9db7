/** The listen helper: the real port on success, a typed error on a busy port. */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, ListenError } from '../../../daemon/index.js';

const servers: Server[] = [];
const server = () => {
  const s = createServer();
  servers.push(s);
  return s;
};
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

describe('listen', () => {
  it('resolves with the URL of the port it got', async () => {
    const url = await listen(server(), { host: '127.0.0.1', port: 0, field: 'prober.listen' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
  });

  it('throws a ListenError with a stable code, the field and the address on a busy port', async () => {
    const url = await listen(server(), { host: '127.0.0.1', port: 0, field: 'x' });
    const port = Number(new URL(url).port);
    const err = await listen(server(), { host: '127.0.0.1', port, field: 'exporter.listen' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ListenError);
    expect(err).toMatchObject({
      name: 'ListenError',
      code: 'HOOKWATCH_LISTEN_ADDRESS_IN_USE',
      field: 'exporter.listen',
      address: `127.0.0.1:${port}`,
      message: `exporter.listen 127.0.0.1:${port}: address already in use (is another hookwatch running?)`,
    });
    expect((err as ListenError).cause).toMatchObject({ code: 'EADDRINUSE' });
  });

  it('brackets IPv6 addresses', async () => {
    const url = await listen(server(), { host: '::1', port: 0, field: 'x' }).catch(() => 'http://[::1]:1');
    expect(url).toMatch(/^http:\/\/\[::1\]:\d+$/);
  });
});
