/**
 * The chart's time axis: clock labels, and ticks spaced by how wide those
 * labels are in the axis font, so they never overlap however narrow the
 * card (uPlot's default 50 px is less than "12:34:56" in most fonts).
 */
import type uPlotType from 'uplot';

/** Whole seconds at least: sub-second ticks would print the same label twice. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
/** Free space between two labels, CSS pixels. */
const GAP = 16;
const FONT_SIZE = '12px ';

/** A tick's label: with seconds while ticks are less than a minute apart. */
export function timeLabel(t: number, incr: number): string {
  return new Date(t * 1000).toLocaleTimeString([], incr < 60 ? { hour12: false } : { hour12: false, hour: '2-digit', minute: '2-digit' });
}

let space = 0;
/** Width of the widest label in the axis font, plus GAP (measured once). */
function labelSpace(font: string): number {
  if (space) return space;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (space = 80);
  ctx.font = font;
  // Every digit at its widest place: a time of day with seconds.
  const widest = Math.max(...[new Date(2000, 0, 1, 20, 48, 58), new Date(2000, 0, 1, 23, 59, 59)].map((d) => ctx.measureText(timeLabel(d.getTime() / 1000, 1)).width));
  return (space = Math.ceil(widest) + GAP);
}

/** The x axis options, on top of the shared axis look. */
export function timeAxis(look: uPlotType.Axis): uPlotType.Axis {
  const font = FONT_SIZE + getComputedStyle(document.body).fontFamily;
  return {
    ...look,
    font,
    incrs: TIME_STEPS,
    space: () => labelSpace(font),
    values: (_u, vals, _axis, _space, incr) => vals.map((v) => timeLabel(v, incr)),
  };
}
