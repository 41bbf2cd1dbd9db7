/**
 * The prober's HTTP face: `/metrics` (its own store, streamed piece by
 * piece as it is rendered, then the process metrics), `/-/healthy`,
 * `/-/ready`, plus any
 * extra routes (the status page). Listens on port 0 when asked, so tests
 * and side-by-side runs get a free port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LABEL } from '../catalog/index.js';
import { answerHealth, closeServer, listen, processMetrics } from '../daemon/index.js';
import { MetricStore } from './metric-store.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface MetricsServerOptions {
  readonly host: string;
  readonly port: number;
  /** The store whose page `/metrics` serves (the prober's, as it is now). */
  readonly metrics: () => MetricStore;
  readonly ready: () => boolean;
  readonly routes?: Readonly<Record<string, Route>>;
}

export interface RunningServer {
  readonly server: Server;
  /** `http://host:port` with the real port. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startMetricsServer(o: MetricsServerOptions): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const send = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    };
    if (path === '/metrics') {
      streamMetrics(o.metrics(), res).catch((err: Error) => {
        if (!res.headersSent) send(500, `metrics failed: ${err.message}\n`);
        else res.destroy();
      });
      return;
    }
    if (answerHealth(path, res, o.ready)) return;
    const route = o.routes?.[path];
    if (route) {
      Promise.resolve(route(req, res)).catch((err: Error) => {
        if (!res.headersSent) send(500, `${err.message}\n`);
        else res.destroy();
      });
      return;
    }
    send(404, 'Not found\n');
  });
  // Probes from Prometheus keep connections alive; don't let them hold shutdown.
  server.keepAliveTimeout = 5_000;
  const url = await listen(server, { host: o.host, port: o.port, field: 'prober.listen' });
  return {
    server,
    url,
    close: () => closeServer(server),
  };
}

/**
 * Writes the page as it is rendered (`writePieces`), so neither the render
 * nor the whole page's text holds the event loop or the heap.
 */
async function streamMetrics(store: MetricStore, res: ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': MetricStore.contentType, 'cache-control': 'no-store' });
  if (await writePieces(res, store.chunks())) res.end(await processMetrics({ [LABEL.component]: 'prober' }));
}

/**
 * Writes each piece to the response as it is made, waiting for the socket
 * to drain when its buffer is full, so a large body is never held whole.
 * A client that goes away stops the pieces; resolves whether it stayed
 * (the caller then ends the response).
 */
export async function writePieces(res: ServerResponse, pieces: AsyncIterable<string>): Promise<boolean> {
  let gone = false;
  res.once('close', () => { gone = true; });
  for await (const piece of pieces) {
    if (gone) return false;
    if (!res.write(piece)) await drainedOrClosed(res);
  }
  return !gone;
}

/** Resolves at the response's next `drain` or its `close` (which follows any error), leaving no listener behind. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
