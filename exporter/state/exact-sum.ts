/**
 * Exact sums of floating-point numbers (Shewchuk's non-overlapping
 * partials, as Python's `math.fsum`): a histogram's `_sum` is the exact
 * sum of its observations rounded once, so it does not depend on the order
 * they were added in. That is what lets counts made in parallel over parts
 * of a log, then merged, equal the single-threaded result to the last bit
 * (a plain running `+=` rounds after every step, and its result depends on
 * the grouping). Finite values only (observations are durations).
 */

/** Adds `x` exactly into the partials (mutated in place; usually 1–3 of them). */
export function addExact(parts: number[], x: number): void {
  let i = 0;
  const n = parts.length;
  for (let j = 0; j < n; j++) {
    let y = parts[j] as number;
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) parts[i++] = lo;
    x = hi;
  }
  parts[i] = x;
  if (parts.length !== i + 1) parts.length = i + 1;
}

/** Adds every partial of `b` into `a`: the exact sum of both. */
export function mergeExact(a: number[], b: readonly number[]): void {
  for (const x of b) addExact(a, x);
}

/** The partials' exact sum, correctly rounded (round half to even). */
export function roundExact(parts: readonly number[]): number {
  let n = parts.length;
  if (n === 0) return 0;
  let hi = parts[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = parts[--n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way cases: the remaining partials decide the direction.
  if (n > 0 && ((lo < 0 && (parts[n - 1] as number) < 0) || (lo > 0 && (parts[n - 1] as number) > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
