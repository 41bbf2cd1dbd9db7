/**
 * Grid layout: Grafana places panels on a 24-column grid by `gridPos`.
 * Writing positions by hand is the classic dashboards-as-code bug (overlaps,
 * panels off the grid), so every position is computed here.
 */

/** Grafana's grid width. */
export const GRID_COLUMNS = 24;

export interface GridPos {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Sized {
  readonly width: number;
  readonly height: number;
}

/** A section's row header position and its panels' positions. */
export interface SectionLayout {
  readonly row: GridPos;
  readonly panels: readonly GridPos[];
}

/**
 * Lays out sections top to bottom. Each section starts with an expanded row
 * header (h 1, full width); its panels flow left to right and wrap when the
 * next one would cross column 24. A wrapped line starts below the tallest
 * panel of the previous line, so nothing overlaps. Rows are never collapsed:
 * collapsed rows nest their panels, a shape that SDKs and Grafana versions
 * disagree on.
 */
export function layoutSections(sections: readonly (readonly Sized[])[]): SectionLayout[] {
  let y = 0;
  return sections.map((panels) => {
    const row: GridPos = { x: 0, y, w: GRID_COLUMNS, h: 1 };
    y += 1;
    let x = 0;
    let lineHeight = 0;
    const placed = panels.map(({ width, height }) => {
      if (!Number.isInteger(width) || width < 1 || width > GRID_COLUMNS) {
        throw new RangeError(`Invalid panel width ${width}. Must be an integer from 1 to ${GRID_COLUMNS}.`);
      }
      if (!Number.isInteger(height) || height < 1) throw new RangeError(`Invalid panel height ${height}. Must be a positive integer.`);
      if (x + width > GRID_COLUMNS) {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
      }
      const pos: GridPos = { x, y, w: width, h: height };
      x += width;
      lineHeight = Math.max(lineHeight, height);
      return pos;
    });
    y += lineHeight;
    return { row, panels: placed };
  });
}
