/**
 * Static assets of the status page, all served by the prober itself (the
 * page must work with no external network): uPlot from node_modules, our
 * stylesheet (a TypeScript string), and the page's script: the ES modules
 * compiled from browser/ into dist/browser/, read once when the routes are
 * made.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from '../../prober/index.js';
import { STYLE_CSS } from './style.js';

/** Asset paths the page links to; the script's other modules sit beside `js`. */
export const ASSETS = {
  uplotJs: '/assets/uplot.min.js',
  uplotCss: '/assets/uplot.min.css',
  js: '/assets/status.js',
  css: '/assets/status.css',
} as const;

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** The package's folder (the one holding package.json), from dist/status/page/ or from status/page/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The page script's modules by file name, as `npm run build` compiled them; throws when it has not. */
export function pageScripts(): Map<string, string> {
  const dir = join(packageRoot(), 'dist/browser/status/page/browser');
  if (!existsSync(join(dir, 'status.js'))) {
    // A stable code: the CLI prints it as one "cannot start" line, not a stack trace.
    throw Object.assign(new Error(`The status page script is not built: ${join(dir, 'status.js')} is missing. Run \`npm run build\`.`), { code: 'HOOKWATCH_STATUS_PAGE_NOT_BUILT' });
  }
  const names = readdirSync(dir).filter((n) => n.endsWith('.js')).sort();
  return new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

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
  const routes: Record<string, Route> = {
    [ASSETS.uplotJs]: serve(JS, uplotFile('uPlot.iife.min.js')),
    [ASSETS.uplotCss]: serve(CSS, uplotFile('uPlot.min.css')),
    [ASSETS.css]: serve(CSS, () => STYLE_CSS),
  };
  const base = ASSETS.js.slice(0, ASSETS.js.lastIndexOf('/') + 1);
  for (const [name, text] of pageScripts()) {
    const path = base + name;
    if (routes[path]) throw new Error(`The status page module ${name} clashes with the asset ${path}.`);
    routes[path] = serve(JS, () => text);
  }
  return routes;
}
