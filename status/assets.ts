/**
 * Static assets of the status page, all served by the prober itself (the
 * page must work with no external network): uPlot from node_modules, and
 * our own stylesheet and script, which are TypeScript strings so they ship
 * inside dist/ with no copy step.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../prober/index.js';
import { CLIENT_JS } from './page/client.js';
import { STYLE_CSS } from './page/style.js';

/** Asset paths the page links to. */
export const ASSETS = {
  uplotJs: '/assets/uplot.min.js',
  uplotCss: '/assets/uplot.min.css',
  js: '/assets/status.js',
  css: '/assets/status.css',
} as const;

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Reads a file of the uplot package once, on first request. */
function uplotFile(name: string): () => string {
  let text: string | undefined;
  return () => {
    text ??= readFileSync(createRequire(import.meta.url).resolve(`uplot/dist/${name}`), 'utf8');
    return text;
  };
}

function serve(type: string, body: () => string): Route {
  return (_req: IncomingMessage, res: ServerResponse) => {
    // Assets change only with a new hookwatch version; the page itself is no-store.
    res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=3600' }).end(body());
  };
}

/** One exact-path route per asset file. */
export function assetRoutes(): Record<string, Route> {
  return {
    [ASSETS.uplotJs]: serve(JS, uplotFile('uPlot.iife.min.js')),
    [ASSETS.uplotCss]: serve(CSS, uplotFile('uPlot.min.css')),
    [ASSETS.js]: serve(JS, () => CLIENT_JS),
    [ASSETS.css]: serve(CSS, () => STYLE_CSS),
  };
}
