/**
 * The prober's HTTP face: `/metrics` (its registry, then the process
 * metrics), `/-/healthy`, `/-/ready`, plus any
 * extra routes (the status page). Listens on port 0 when asked, so tests
 * and side-by-side runs get a free port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { LABEL } from '../catalog/index.js';
import { answerHealth, closeServer, listen, processMetrics } from '../daemon/index.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface MetricsServerOptions {
  readonly host: string;
  readonly port: number;
  readonly registry: () => Registry;
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
      const reg = o.registry();
      Promise.all([reg.metrics(), processMetrics({ [LABEL.component]: 'prober' })])
        .then((texts) => send(200, texts.join(''), reg.contentType), (err: Error) => send(500, `metrics failed: ${err.message}\n`));
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
