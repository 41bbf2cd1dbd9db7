/**
 * DOM helpers. Elements are built with textContent only, never innerHTML,
 * so no value of the model can become markup.
 */
import type { State } from '../../api-types.js';
import { ICON, TEXT } from './format.js';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string | null, text?: string | null): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

/** An element of the page's shell, of the type expected. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const e = document.getElementById(id);
  if (!(e instanceof type)) throw new Error(`status page: #${id} is missing`);
  return e;
}

/** A state as icon and text, so nothing depends on colour. */
export function badge(state: State): HTMLSpanElement {
  const b = el('span', 'badge ' + state);
  const i = el('span', 'icon', ICON[state]);
  i.setAttribute('aria-hidden', 'true');
  b.appendChild(i);
  b.appendChild(document.createTextNode(TEXT[state]));
  return b;
}
