/**
 * The exporter's `/`: a small HTML page saying what this port is, with
 * links to what it serves and the sources it reads. Everything shown that
 * comes from the config or the build is escaped.
 */
import { HEALTH_PATHS } from '../../daemon/index.js';
import type { SourceConfig } from './settings.js';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const LINKS: readonly (readonly [string, string])[] = [
  ['/metrics', 'delivery metrics, from the last durable checkpoint'],
  [HEALTH_PATHS.healthy, 'liveness'],
  [HEALTH_PATHS.ready, 'readiness: 200 once the sources have been read once'],
];

// File paths stay off the page: anyone who can reach the port sees it.
const describe = (s: SourceConfig): string => (s.type === 'http' ? `http, POST to <code>${escapeHtml(s.path)}</code>` : s.type);

export function renderIndexPage(version: string, sources: readonly SourceConfig[]): string {
  const links = LINKS.map(([href, what]) => `<li><a href="${href}">${href}</a> — ${what}</li>`).join('\n');
  const rows = sources.map((s) => `<li><strong>${escapeHtml(s.name)}</strong> (${describe(s)}, format ${escapeHtml(s.format)})</li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>hookwatch exporter</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:40rem;padding:0 1rem}code{font-size:90%}</style></head>
<body>
<h1>hookwatch exporter</h1>
<p>Version ${escapeHtml(version)}. Delivery logs in, exact Prometheus metrics out.</p>
<ul>
${links}
</ul>
<h2>Sources</h2>
<ul>
${rows}
</ul>
</body>
</html>
`;
}
