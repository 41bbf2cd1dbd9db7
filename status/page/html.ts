/**
 * The status page's HTML shell. The current status is embedded as a JSON
 * data block so the first paint needs no second request; the client script
 * draws from it and then follows `/api/events`.
 */
import { ASSETS } from './assets.js';
import type { StatusModel } from '../api-types.js';
import type { StatusHead } from '../model.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * JSON safe inside a `<script>` data block: `<` escaped so no value can
 * close the element, and the line separators JavaScript once rejected.
 */
export function jsonForScript(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}

/** `jsonForScript` for JSON text already written; any piece of it may be passed alone. */
export function scriptSafe(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Content-Security-Policy of the page: nothing loads from anywhere but the prober. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** What history is kept, e.g. "120 probes per check (2 h at the fastest check), shortened to fit the 64 MiB memory budget". */
export function historyText(model: Pick<StatusModel, 'history'>): string {
  const h = model.history;
  const span = h.spanSeconds === null ? '' : ` (${spanText(h.spanSeconds)} at the fastest check)`;
  const why = h.limitedBy === 'memory_budget' ? `, shortened to fit the ${Math.round(h.budgetBytes / 2 ** 20)} MiB memory budget` : '';
  return `${h.probesPerCheck} probes per check${span}${why}`;
}

function spanText(seconds: number): string {
  if (seconds >= 2 * 86_400) return `${Math.round(seconds / 86_400)} days`;
  if (seconds >= 2 * 3600) return `${Math.round(seconds / 3600)} h`;
  if (seconds >= 120) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds)} s`;
}

/** The whole page for a model. */
export function renderPage(model: StatusModel): string {
  const [before, after] = pageAround(model);
  return `${before}${jsonForScript(model)}${after}`;
}

/** The page before and after its data block, which is the model's JSON passed through `scriptSafe`. */
export function pageAround(model: StatusHead): [string, string] {
  const grafana = model.links.grafana.map((d) => `<a href="${escapeHtml(d.url)}" rel="noopener">${escapeHtml(d.title)}</a>`).join('\n        ');
  return [`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <link rel="icon" href="data:,">
  <title>Webhook status · hookwatch</title>
  <link rel="stylesheet" href="${ASSETS.uplotCss}">
  <link rel="stylesheet" href="${ASSETS.css}">
  <script src="${ASSETS.uplotJs}" defer></script>
  <script type="module" src="${ASSETS.js}"></script>
</head>
<body>
  <a class="skip" href="#endpoints">Skip to endpoints</a>
  <header class="top">
    <div class="brand">
      <h1>Webhook status</h1>
      <p class="sub">hookwatch ${escapeHtml(model.version)} · region ${escapeHtml(model.region)}</p>
    </div>
    <p id="overall" class="overall unknown" role="status" aria-live="polite">Loading…</p>
    <nav class="links" aria-label="Related pages">
      <a href="${model.links.metrics}">/metrics</a>
      <a href="${model.links.api}">JSON API</a>
      ${grafana ? `<span class="grafana">Grafana: ${grafana}</span>` : ''}
    </nav>
  </header>
  <main id="endpoints" tabindex="-1" aria-label="Endpoints">
    <noscript><p>This page draws with JavaScript. The same data is at <a href="${model.links.api}">${model.links.api}</a>.</p></noscript>
  </main>
  <footer class="foot">
    <span id="live" class="live">connecting…</span>
    · updated <time id="updated"></time>
    · history: ${escapeHtml(historyText(model))}
  </footer>
  <div id="tip" class="tip" role="tooltip" hidden></div>
  <script id="status-data" type="application/json">`, `</script>
</body>
</html>
`];
}
