/**
 * Label texts of the prober's metric store (`metric-store.ts`): a series'
 * `name="value"` pairs, escaped and formatted once when the series is
 * created, and shared by every family of a store, so an endpoint's
 * `endpoint="…",check="…"` exists once, not once per family and series.
 */
import { escapeLabelValue } from '../catalog/index.js';

/** Label values by name (the typed API of `metrics.ts` narrows them per metric). */
export type Labels = Readonly<Record<string, string>>;

/** `name="value"` for the labels `from` to `to` that are present, joined by commas (no braces). */
export function pairsOf(names: readonly string[], from: number, to: number, labels: Labels): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const name = names[i] as string;
    const v = labels[name];
    if (v !== undefined) parts.push(`${name}="${escapeLabelValue(v)}"`);
  }
  // join makes one flat string; `+=` would keep a tree of pieces per series (several times the bytes).
  return parts.join(',');
}

/** `{base,rest}` with the empty parts left out; nothing without labels. */
export function braced(base: string, rest: string): string {
  if (rest) return base ? `{${base},${rest}}` : `{${rest}}`;
  return base ? `{${base}}` : '';
}

/**
 * Label texts shared by every family of a store, counted by the series
 * holding them: an endpoint's `endpoint="…",check="…"` exists once, not once
 * per family and series.
 */
export class LabelTexts {
  readonly #texts = new Map<string, { readonly text: string; refs: number }>();
  take(text: string): string {
    let e = this.#texts.get(text);
    if (!e) this.#texts.set(text, (e = { text, refs: 0 }));
    e.refs += 1;
    return e.text;
  }
  drop(text: string): void {
    const e = this.#texts.get(text);
    if (e && --e.refs === 0) this.#texts.delete(text);
  }
  get size(): number { return this.#texts.size; }
}
