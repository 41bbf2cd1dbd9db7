/**
 * The tooltip of a probe tick (on hover and keyboard focus), and arrow-key
 * movement along a row's ticks: one tick per row is tabbable.
 */
import type { Tick } from '../../api-types.js';
import { byId, el } from './dom.js';
import { clock, dur, verdict } from './format.js';

const tip = byId('tip', HTMLDivElement);
const probes = new WeakMap<Element, Tick>();

/** Ties a tick button to the probe it shows. */
export function attachTick(b: HTMLButtonElement, k: Tick): void {
  probes.set(b, k);
}

export function showTip(b: Element): void {
  const k = probes.get(b);
  if (!k) return;
  tip.textContent = '';
  tip.appendChild(el('strong', null, clock(k.t) + ' \u00b7 ' + verdict(k)));
  tip.appendChild(el('div', null, 'result ' + k.result + ' \u00b7 status ' + (k.status || 'none') + ' \u00b7 ' + dur(k.seconds)));
  if (k.detail) tip.appendChild(el('div', null, k.detail));
  tip.hidden = false;
  const r = b.getBoundingClientRect();
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const left = Math.min(Math.max(8, r.left + r.width / 2 - w / 2), document.documentElement.clientWidth - w - 8);
  const top = r.top - h - 8 < 0 ? r.bottom + 8 : r.top - h - 8;
  tip.style.left = (left + window.scrollX) + 'px';
  tip.style.top = (top + window.scrollY) + 'px';
}

export function hideTip(): void {
  tip.hidden = true;
}

function isTick(t: EventTarget | null): t is HTMLElement {
  return t instanceof HTMLElement && t.classList.contains('tick');
}

/** The tick an arrow, Home or End key moves to. */
function nextTick(t: HTMLElement, key: string): Element | null {
  switch (key) {
    case 'ArrowLeft': return t.previousElementSibling;
    case 'ArrowRight': return t.nextElementSibling;
    case 'Home': return t.parentElement?.firstElementChild ?? null;
    case 'End': return t.parentElement?.lastElementChild ?? null;
    default: return null;
  }
}

/** Tooltips and keyboard movement for every tick under `root`. */
export function listenTips(root: HTMLElement): void {
  root.addEventListener('mouseover', (e) => { if (isTick(e.target)) showTip(e.target); });
  root.addEventListener('mouseout', (e) => { if (isTick(e.target)) hideTip(); });
  root.addEventListener('focusin', (e) => { if (isTick(e.target)) showTip(e.target); });
  root.addEventListener('focusout', (e) => { if (isTick(e.target)) hideTip(); });
  root.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key === 'Escape') { hideTip(); return; }
    if (!isTick(t)) return;
    const next = nextTick(t, e.key);
    if (!(next instanceof HTMLElement)) return;
    e.preventDefault();
    t.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
}
