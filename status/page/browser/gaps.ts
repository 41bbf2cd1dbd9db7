/**
 * Which holes in a latency series the chart joins over. The model leaves
 * a bucket null when no probe fell in it; a hole shorter than
 * BREAK_CADENCES probe intervals is a late or skipped run, and the line
 * goes on across it; a longer one means nothing was measured (refused
 * connections, the prober stopped) and the line breaks there. No DOM, so
 * a unit test runs it under Node.
 */

/** A hole this many probe intervals long or longer breaks the line. */
export const BREAK_CADENCES = 2;

/**
 * The values as uPlot takes them: `null` breaks the line, `undefined` is
 * joined over (uPlot's own rule: gaps come from nulls only).
 */
export function joinShortGaps(values: readonly (number | null)[], bucketSeconds: number, cadenceSeconds: number): (number | null | undefined)[] {
  const out: (number | null | undefined)[] = [...values];
  let i = 0;
  while (i < values.length) {
    if (values[i] != null) { i++; continue; }
    let j = i;
    while (j < values.length && values[j] == null) j++;
    const inside = i > 0 && j < values.length;
    if (inside && (j - i) * bucketSeconds < BREAK_CADENCES * cadenceSeconds) out.fill(undefined, i, j);
    i = j;
  }
  return out;
}
