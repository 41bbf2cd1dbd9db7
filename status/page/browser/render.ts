/**
 * Draws a status model: the headline, then each card, building the cards
 * again only when the set of endpoints or checks changed.
 */
import type { StatusModel } from '../../api-types.js';
import { buildCards, type Card } from './cards.js';
import { fillChart, resizeCharts } from './chart.js';
import { badge, byId } from './dom.js';
import { fillDelivery, fillMaintenance, fillRow } from './fill.js';
import { clock, ICON } from './format.js';

const root = byId('endpoints', HTMLElement);
let cards = new Map<string, Card>();
let shape = '';
let drawn = 0;

/** The element the cards live in. */
export const endpointsRoot = root;

/** When the page last drew a model (ms since the epoch; 0 before the first). */
export function lastDrawn(): number {
  return drawn;
}

function fillOverall(s: StatusModel['summary']): void {
  const o = byId('overall', HTMLElement);
  let state: keyof typeof ICON;
  let text: string;
  if (s.down) { state = 'down'; text = s.down + ' of ' + s.checks + ' checks down'; }
  else if (s.degraded) { state = 'degraded'; text = s.degraded + ' of ' + s.checks + ' checks degraded'; }
  else if (s.up) { state = 'up'; text = 'All ' + s.up + ' checks up'; }
  else { state = 'unknown'; text = 'Waiting for the first probes'; }
  if (s.unknown && state !== 'unknown') text += ', ' + s.unknown + ' pending';
  o.className = 'overall ' + state;
  o.textContent = ICON[state] + ' ' + text;
  document.title = (state === 'up' ? '' : ICON[state] + ' ') + 'Webhook status \u00b7 hookwatch';
}

export function render(model: StatusModel): void {
  const key = model.endpoints.map((e) => e.name + ':' + e.checks.map((c) => c.check).join(',')).join('|');
  if (key !== shape) { cards = buildCards(root, model.endpoints, cards); shape = key; }
  fillOverall(model.summary);
  for (const ep of model.endpoints) {
    const c = cards.get(ep.name);
    if (!c) continue;
    c.card.className = 'card ' + ep.state;
    c.card.setAttribute('data-state', ep.state);
    c.badge.replaceWith(c.badge = badge(ep.state));
    fillMaintenance(c, ep.maintenance, model.generatedAt);
    fillDelivery(c, ep.delivery);
    for (const ck of ep.checks) fillRow(c, ck);
    fillChart(c, ep);
  }
  drawn = Date.now();
  const u = byId('updated', HTMLTimeElement);
  u.textContent = clock(model.generatedAt);
  u.dateTime = new Date(model.generatedAt * 1000).toISOString();
}

let resizing = 0;
/** Refits the charts once per frame while the window is resized. */
export function onResize(): void {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(() => resizeCharts(cards.values()));
}
