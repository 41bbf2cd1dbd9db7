/**
 * The exporter's HTTP face: `/` (an index page), `/metrics` (flush, then
 * serve the durable snapshot), `/-/healthy`, `/-/ready` and the ingest
 * paths of `http` sources.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerHealth, listen, type Logger } from '../../daemon/index.js';

export interface ServerHandlers {
  /** Resolves with the exposition text to serve. */
  metrics(): Promise<string>;
  ready(): boolean;
  /** The page served at `/`. */
  index(): string;
  /** Ingest handlers by path. */
  readonly ingest: ReadonlyMap<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
  readonly log: Logger;
}

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Starts listening; resolves with the server and its actual `http://host:port`. */
export async function startServer(host: string, port: number, h: ServerHandlers): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const ingest = h.ingest.get(path);
    const done = (p: Promise<void>) => p.catch((err: unknown) => {
      // A failing request must never take the daemon down.
      h.log.error('request failed', { method: req.method, path, error: err });
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
    if (ingest) return void done(ingest(req, res));
    if (path === '/metrics') {
      return void done(h.metrics().then((text) => { res.writeHead(200, { 'content-type': EXPOSITION_CONTENT_TYPE }).end(text); }));
    }
    if (answerHealth(path, res, h.ready)) return;
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).end(h.index());
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: try / or /metrics\n');
  });
  const url = await listen(server, { host, port, field: 'exporter.listen' });
  return { server, url };
}
