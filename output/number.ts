/**
 * Numbers in generated text (PromQL thresholds, SLO budgets, descriptions):
 * rounded so binary float noise such as 0.0009999999999999432 or
 * 0.0010000000000000009 never reaches a file.
 */

/** Rounds away binary float noise (1 - 0.999, 14.4 * 0.001). */
export function round(x: number): number {
  return Number(x.toPrecision(12));
}

/** A number as generated text; refuses NaN and infinities. */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`Invalid number ${x}. Must be finite.`);
  return String(round(x));
}

/** Product of two config numbers, rounded the same way `num` prints. */
export function times(a: number, b: number): number {
  return round(a * b);
}
