/**
 * What every hookwatch HTTP server does the same way: answer Prometheus'
 * own `/-/healthy` and `/-/ready` paths in one wording, and close without
 * waiting for idle keep-alive connections.
 */
import type { Server, ServerResponse } from 'node:http';

export const HEALTH_PATHS = { healthy: '/-/healthy', ready: '/-/ready' } as const;

/** The bodies of the health answers, the same on every port. */
export const HEALTH_TEXT = { healthy: 'Healthy\n', ready: 'Ready\n', notReady: 'Not ready\n' } as const;

const plain = (res: ServerResponse, status: number, body: string) =>
  void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(body);

/**
 * Answers `/-/healthy` (200 while the process serves) and `/-/ready` (200
 * once `ready()`, 503 before). False for any other path, which is left to
 * the caller.
 */
export function answerHealth(path: string, res: ServerResponse, ready: () => boolean): boolean {
  if (path === HEALTH_PATHS.healthy) plain(res, 200, HEALTH_TEXT.healthy);
  else if (path !== HEALTH_PATHS.ready) return false;
  else if (ready()) plain(res, 200, HEALTH_TEXT.ready);
  else plain(res, 503, HEALTH_TEXT.notReady);
  return true;
}

/** Stops accepting, drops every open connection, resolves once closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
