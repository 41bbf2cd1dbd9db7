/**
 * Real node:http / node:https servers on port 0 for integration tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';

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

export interface SelfSigned {
  readonly key: string;
  readonly cert: string;
  /** Unix seconds of notAfter. */
  readonly notAfter: number;
  readonly certFile: string;
  cleanup(): void;
}

/** A self-signed certificate for 127.0.0.1, valid for `days`, made by openssl. */
export function selfSigned(days: number): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'hookwatch-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', String(days),
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'pipe' });
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert,
    notAfter: Date.parse(new X509Certificate(cert).validTo) / 1000,
    certFile: join(dir, 'cert.pem'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
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
