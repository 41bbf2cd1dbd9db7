/**
 * Fills a card's cells from the model: delivery figures, uptime, the
 * recent-probes bar (keeping the focused tick) and the last probe with
 * its phase breakdown.
 */
import type { CheckStatus, DeliveryStats, MaintenanceStatus, ProbeEntry, Tick, Uptime } from '../../api-types.js';
import { SLOTS, type Card } from './cards.js';
import { badge, el } from './dom.js';
import { clock, dur, maintenanceShare, NONE, pct, span, tickClass, tickText, until } from './format.js';
import { attachTick, showTip } from './tips.js';

export function fillDelivery(c: Card, d: DeliveryStats | null): void {
  const dl = c.delivery;
  dl.textContent = '';
  dl.hidden = !d;
  c.overview.className = d ? 'overview' : 'overview solo';
  if (!d) return;
  const items: [string, string, string?][] = [
    ['Delivery success', pct(d.successRatio)],
    ['Retries', pct(d.retryRatio)],
    ['DLQ depth', d.dlqDepth == null ? NONE : String(d.dlqDepth)],
    ['Rate-limit headroom', d.rateLimitHeadroom == null ? NONE : pct(d.rateLimitHeadroom),
      d.rateLimitLimit == null ? 'no rate-limit headers seen' : d.rateLimitRemaining + ' of ' + d.rateLimitLimit + ' left'],
  ];
  for (const [term, value, note] of items) {
    const div = el('div');
    div.appendChild(el('dt', null, term));
    const dd = el('dd', null, value);
    if (note) dd.appendChild(el('span', 'small', note));
    div.appendChild(dd);
    dl.appendChild(div);
  }
  dl.appendChild(el('p', 'note', 'Deliveries ' + (d.windowSeconds == null ? 'since the exporter started' : 'in the last ' + span(d.windowSeconds)) + ': ' + d.attempts + ' attempts'));
}

/** "In maintenance until …" in the head, and how much of the uptime windows was maintenance. */
export function fillMaintenance(c: Card, m: MaintenanceStatus | null, now: number): void {
  const a = m?.active ?? null;
  c.maintenance.hidden = !a;
  c.maintenance.textContent = a ? 'In maintenance until ' + until(a.until, now) : '';
  if (a) c.maintenance.title = 'Window: ' + a.windows.join(', ') + '. Probes keep running and count toward uptime; notifications are muted.';
  const share = m ? maintenanceShare(m) : '';
  c.maintenanceNote.hidden = share === '';
  c.maintenanceNote.textContent = share;
}

export function fillUptime(td: HTMLElement, u: Uptime): void {
  td.textContent = pct(u.ratio);
  const note = u.probes === 0 ? 'no probes' : u.coveredSeconds < u.windowSeconds * 0.98 ? 'over ' + span(u.coveredSeconds) : u.probes + ' probes';
  td.appendChild(el('span', 'small', note));
}

export function fillTicks(box: HTMLElement, recent: readonly Tick[]): void {
  const active = document.activeElement;
  const keep = active && active.parentNode === box ? active.getAttribute('data-t') : null;
  box.textContent = '';
  recent.forEach((k, i) => {
    const b = el('button', 'tick ' + tickClass(k));
    b.type = 'button';
    b.tabIndex = -1;
    b.setAttribute('data-t', String(k.t));
    b.setAttribute('aria-label', tickText(k));
    attachTick(b, k);
    if (i === 0) b.style.gridColumnStart = String(SLOTS - recent.length + 1);
    box.appendChild(b);
  });
  const target = (keep && box.querySelector<HTMLElement>('[data-t="' + keep + '"]')) || (box.lastElementChild as HTMLElement | null);
  if (target) target.tabIndex = 0;
  if (keep && target) { target.focus(); showTip(target); }
}

export function fillLast(td: HTMLElement, last: ProbeEntry | null): void {
  td.textContent = '';
  if (!last) { td.appendChild(el('span', 'small', 'no probe yet')); return; }
  td.appendChild(el('span', 'total', dur(last.seconds)));
  td.appendChild(document.createTextNode(' \u00b7 ' + (last.status ? 'HTTP ' + last.status : 'no response') + ' \u00b7 ' + clock(last.t)));
  // Phases come in catalog order, only those that happened.
  const phases = Object.entries(last.phases);
  let total = 0;
  for (const [, v] of phases) total += v || 0;
  if (!total) return;
  const bar = el('div', 'phasebar');
  bar.setAttribute('aria-hidden', 'true');
  const parts: string[] = [];
  for (const [p, v] of phases) {
    const s = el('span', 'ph-' + p);
    s.style.width = (100 * v / total).toFixed(2) + '%';
    bar.appendChild(s);
    parts.push(p + ' ' + dur(v));
  }
  td.appendChild(bar);
  td.appendChild(el('div', 'phases', parts.join(' \u00b7 ')));
}

/** One check's row. */
export function fillRow(c: Card, ck: CheckStatus): void {
  const r = c.rows.get(ck.check);
  if (!r) return;
  r.tr.setAttribute('data-state', ck.state);
  r.state.textContent = '';
  r.state.appendChild(badge(ck.state));
  // The reason matters only when something is wrong; "up" says it all.
  if (ck.state !== 'up') {
    const reason = el('span', 'reason', ck.reason);
    reason.title = ck.reason;
    r.state.appendChild(reason);
  }
  fillUptime(r.hour, ck.uptime.hour);
  fillUptime(r.day, ck.uptime.day);
  fillTicks(r.ticks, ck.recent);
  fillLast(r.last, ck.last);
}
