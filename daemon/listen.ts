/**
 * The one way a hookwatch server starts listening. A failure is a
 * `ListenError` naming the config field and the address, with a stable
 * code (like undici's errors), so every command reports it the same way.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ListenErrorCode =
  | 'HOOKWATCH_LISTEN_ADDRESS_IN_USE'
  | 'HOOKWATCH_LISTEN_PERMISSION_DENIED'
  | 'HOOKWATCH_LISTEN_ADDRESS_NOT_AVAILABLE'
  | 'HOOKWATCH_LISTEN_FAILED';

const REASONS: Record<string, [ListenErrorCode, string]> = {
  EADDRINUSE: ['HOOKWATCH_LISTEN_ADDRESS_IN_USE', 'address already in use (is another hookwatch running?)'],
  EACCES: ['HOOKWATCH_LISTEN_PERMISSION_DENIED', 'permission denied (ports below 1024 need privileges)'],
  EADDRNOTAVAIL: ['HOOKWATCH_LISTEN_ADDRESS_NOT_AVAILABLE', 'address not available on this host'],
};

export class ListenError extends Error {
  override readonly name = 'ListenError';
  readonly code: ListenErrorCode;
  /** The config field that set the address, e.g. `prober.listen`. */
  readonly field: string;
  /** `host:port` as configured. */
  readonly address: string;
  /** What went wrong, without field and address. */
  readonly reason: string;

  constructor(field: string, address: string, cause: NodeJS.ErrnoException) {
    const [code, reason] = REASONS[cause.code ?? ''] ?? ['HOOKWATCH_LISTEN_FAILED', cause.message];
    super(`${field} ${address}: ${reason}`, { cause });
    this.code = code;
    this.field = field;
    this.address = address;
    this.reason = reason;
  }
}

export interface ListenAt {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly field: string;
}

const hostPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Listens; resolves with `http://host:port` (the real port), or rejects with a ListenError. */
export async function listen(server: Server, at: ListenAt): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException) => reject(new ListenError(at.field, hostPort(at.host, at.port), err));
    server.once('error', fail);
    server.listen(at.port, at.host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const a = server.address() as AddressInfo;
  return `http://${hostPort(a.address, a.port)}`;
}
