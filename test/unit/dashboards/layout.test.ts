import { describe, expect, it } from 'vitest';
import { layoutSections } from '../../../dashboards/layout.js';

const box = (width: number, height = 8) => ({ width, height });

describe('layoutSections', () => {
  it('puts a full-width row header before each section and flows panels left to right', () => {
    const [a, b] = layoutSections([[box(8), box(8), box(8)], [box(12, 6)]]);
    expect(a!.row).toEqual({ x: 0, y: 0, w: 24, h: 1 });
    expect(a!.panels).toEqual([{ x: 0, y: 1, w: 8, h: 8 }, { x: 8, y: 1, w: 8, h: 8 }, { x: 16, y: 1, w: 8, h: 8 }]);
    expect(b!.row).toEqual({ x: 0, y: 9, w: 24, h: 1 });
    expect(b!.panels).toEqual([{ x: 0, y: 10, w: 12, h: 6 }]);
  });

  it('wraps below the tallest panel of the line', () => {
    const [s] = layoutSections([[box(16, 4), box(6, 10), box(4, 3)]]);
    expect(s!.panels).toEqual([{ x: 0, y: 1, w: 16, h: 4 }, { x: 16, y: 1, w: 6, h: 10 }, { x: 0, y: 11, w: 4, h: 3 }]);
  });

  it('rejects widths off the grid', () => {
    expect(() => layoutSections([[box(25)]])).toThrow(/Invalid panel width 25/);
    expect(() => layoutSections([[box(0)]])).toThrow(/Invalid panel width 0/);
    expect(() => layoutSections([[box(6, 0)]])).toThrow(/Invalid panel height 0/);
  });
});
