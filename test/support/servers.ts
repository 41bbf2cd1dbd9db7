/**
 * Real node:http / node:https servers on port 0 for integration tests.
 */
import { createServer as createHttp, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { SelfSigned } from './certs.js';

export { selfSigned, type SelfSigned } from './certs.js';

export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export function httpServer(handler: RequestListener): Promise<TestServer> {
  return listen(createHttp(handler), 'http');
}

export function httpsServer(tls: SelfSigned, handler: RequestListener): Promise<TestServer> {
  return listen(createHttps({ key: tls.key, cert: tls.cert }, handler), 'https');
}

/** A port nothing listens on: bound, then closed. */
export async function closedPort(): Promise<number> {
  const s = await httpServer(() => undefined);
  await s.close();
  return s.port;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Distinct free ports (bound then released) for configs that must name them. */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => httpServer(() => undefined)));
  const ports = servers.map((s) => s.port);
  await Promise.all(servers.map((s) => s.close()));
  return ports;
}
