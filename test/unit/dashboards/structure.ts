/**
 * Structural checks on generated dashboard JSON, as plain functions that
 * return problems, so tests can show both that real dashboards have none
 * and that each check catches a broken one.
 */
import { variablesIn } from '../../../dashboards/index.js';

interface Grid { x: number; y: number; w: number; h: number }
interface PanelJson {
  id?: number;
  type?: string;
  title?: string;
  gridPos?: Grid;
  datasource?: { type?: string; uid?: string };
  fieldConfig?: { defaults?: { unit?: string; decimals?: number; thresholds?: { steps?: unknown[] } } };
  targets?: { refId?: string; expr?: string; datasource?: { uid?: string } }[];
}
export interface DashboardJson {
  uid?: string;
  panels?: PanelJson[];
  templating?: { list?: { name: string }[] };
}

const overlaps = (a: Grid, b: Grid): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every problem found in one dashboard, one line each. */
export function structuralProblems(d: DashboardJson): string[] {
  const problems: string[] = [];
  const panels = d.panels ?? [];
  const ids = new Set<number>();
  const defined = new Set((d.templating?.list ?? []).map((v) => v.name));
  panels.forEach((p, i) => {
    const name = `panel ${p.id ?? `#${i}`} "${p.title ?? ''}"`;
    if (typeof p.id !== 'number' || p.id < 1) problems.push(`${name}: id must be a number ≥ 1`);
    else if (ids.has(p.id)) problems.push(`${name}: duplicate id ${p.id}`);
    else ids.add(p.id);
    const g = p.gridPos;
    if (!g) problems.push(`${name}: no gridPos`);
    else {
      if (g.x < 0 || g.w < 1 || g.x + g.w > 24) problems.push(`${name}: gridPos outside 24 columns (x ${g.x}, w ${g.w})`);
      if (g.y < 0 || g.h < 1) problems.push(`${name}: invalid gridPos y/h`);
      panels.slice(0, i).forEach((o) => {
        if (o.gridPos && overlaps(g, o.gridPos)) problems.push(`${name}: overlaps panel ${o.id}`);
      });
    }
    if (p.type === 'row') return;
    if (!p.fieldConfig?.defaults?.unit) problems.push(`${name}: no unit`);
    if (typeof p.fieldConfig?.defaults?.decimals !== 'number') problems.push(`${name}: no decimals`);
    if (!p.fieldConfig?.defaults?.thresholds?.steps?.length) problems.push(`${name}: no thresholds`);
    if (!p.datasource?.uid) problems.push(`${name}: no datasource`);
    const targets = p.targets ?? [];
    if (!targets.length) problems.push(`${name}: no queries`);
    const refIds = new Set<string>();
    for (const t of targets) {
      if (!t.refId) problems.push(`${name}: query without refId`);
      else if (refIds.has(t.refId)) problems.push(`${name}: duplicate refId ${t.refId}`);
      else refIds.add(t.refId);
      for (const v of variablesIn(`${t.expr ?? ''} ${t.datasource?.uid ?? ''} ${p.datasource?.uid ?? ''}`)) {
        if (!defined.has(v)) problems.push(`${name}: uses undefined variable $${v}`);
      }
    }
  });
  return problems;
}
