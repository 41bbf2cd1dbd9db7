/**
 * One card per endpoint: head, delivery figures, chart slot and a table
 * of its checks. Built only when the set of endpoints or checks changes,
 * so focus and tooltips survive refreshes; fill.ts and chart.ts fill it.
 */
import type uPlot from 'uplot';
import type { EndpointStatus } from '../../api-types.js';
import { el } from './dom.js';

/** Probe slots of the recent-probes bar (the model's RECENT_TICKS). */
export const SLOTS = 60;

/** The cells of one check's row. */
export interface Row {
  readonly tr: HTMLTableRowElement;
  readonly state: HTMLTableCellElement;
  readonly hour: HTMLTableCellElement;
  readonly day: HTMLTableCellElement;
  readonly recent: HTMLTableCellElement;
  readonly last: HTMLTableCellElement;
  readonly ticks: HTMLDivElement;
}

export interface Card {
  readonly card: HTMLElement;
  badge: HTMLElement;
  /** "In maintenance until …", hidden outside a window. */
  readonly maintenance: HTMLElement;
  /** How much of the uptime windows was maintenance, hidden when none was. */
  readonly maintenanceNote: HTMLParagraphElement;
  readonly overview: HTMLDivElement;
  readonly delivery: HTMLDListElement;
  readonly caption: HTMLElement;
  readonly chart: HTMLDivElement;
  readonly rows: Map<string, Row>;
  plot: uPlot | null;
}

const COLUMNS = ['Check', 'State', 'Uptime 1 h', 'Uptime 24 h', 'Recent probes', 'Last probe'];

function row(check: string): Row {
  const tr = el('tr');
  tr.setAttribute('data-check', check);
  const th = el('th', null, check.replace(/_/g, ' '));
  th.scope = 'row';
  tr.appendChild(th);
  const cell = (cls: string, label: string): HTMLTableCellElement => {
    const td = el('td', cls);
    td.setAttribute('data-label', label);
    tr.appendChild(td);
    return td;
  };
  const state = cell('state', 'State');
  const hour = cell('hour num', 'Uptime 1 h');
  const day = cell('day num', 'Uptime 24 h');
  const recent = cell('recent', 'Recent probes');
  const last = cell('last', 'Last probe');
  const ticks = el('div', 'ticks');
  ticks.setAttribute('role', 'group');
  ticks.setAttribute('aria-label', 'Last ' + SLOTS + ' probes of ' + check + ' (arrow keys move)');
  recent.appendChild(ticks);
  return { tr, state, hour, day, recent, last, ticks };
}

function checksTable(ep: EndpointStatus, rows: Map<string, Row>): HTMLTableElement {
  const table = el('table', 'checks');
  table.appendChild(el('caption', 'sr-only', 'Checks of ' + ep.name));
  const thead = el('thead');
  const hr = el('tr');
  for (const t of COLUMNS) {
    const th = el('th', null, t);
    th.scope = 'col';
    hr.appendChild(th);
  }
  thead.appendChild(hr);
  table.appendChild(thead);
  const tbody = el('tbody');
  for (const ck of ep.checks) {
    const r = row(ck.check);
    rows.set(ck.check, r);
    tbody.appendChild(r.tr);
  }
  table.appendChild(tbody);
  return table;
}

function card(ep: EndpointStatus, i: number): Card {
  const section = el('section', 'card');
  section.setAttribute('aria-labelledby', 'ep-' + i);
  section.setAttribute('data-endpoint', ep.name);
  const head = el('div', 'card-head');
  const h = el('h2', null, ep.name);
  h.id = 'ep-' + i;
  const badge = el('span');
  head.appendChild(h);
  head.appendChild(badge);
  const maintenance = el('span', 'maintenance-badge');
  maintenance.hidden = true;
  head.appendChild(maintenance);
  if (ep.dashboard) {
    const a = el('a', 'dash', 'Grafana dashboard');
    a.href = ep.dashboard;
    a.rel = 'noopener';
    head.appendChild(a);
  }
  section.appendChild(head);
  const maintenanceNote = el('p', 'note maintenance-note');
  maintenanceNote.hidden = true;
  section.appendChild(maintenanceNote);
  const overview = el('div', 'overview');
  const delivery = el('dl', 'delivery');
  delivery.setAttribute('aria-label', 'Deliveries of ' + ep.name);
  overview.appendChild(delivery);
  const fig = el('figure', 'latency');
  const caption = el('figcaption');
  fig.appendChild(caption);
  const chart = el('div', 'chart');
  chart.setAttribute('role', 'img');
  fig.appendChild(chart);
  overview.appendChild(fig);
  section.appendChild(overview);
  const rows = new Map<string, Row>();
  section.appendChild(checksTable(ep, rows));
  return { card: section, badge, maintenance, maintenanceNote, overview, delivery, caption, chart, rows, plot: null };
}

/** Replaces the cards in `root` with empty ones for these endpoints. */
export function buildCards(root: HTMLElement, endpoints: readonly EndpointStatus[], old: ReadonlyMap<string, Card>): Map<string, Card> {
  for (const c of old.values()) c.plot?.destroy();
  root.textContent = '';
  const cards = new Map<string, Card>();
  endpoints.forEach((ep, i) => {
    const c = card(ep, i);
    cards.set(ep.name, c);
    root.appendChild(c.card);
  });
  return cards;
}
