/** Querying the e2e tests' Prometheus: instant queries, and the dashboard panels that return nothing. */
import type { Config } from '../../config/index.js';
import { dashboardQueries, substituteGrafanaMacros } from '../../dashboards/index.js';

/**
 * `dashboard / panel: expr` of every panel query that returns no series,
 * with Grafana's macros substituted (and 1m windows widened to 2m, two
 * samples at a 1 s scrape are a thin margin under load).
 */
export async function emptyPanels(config: Config, query: (expr: string) => Promise<unknown[]>): Promise<string[]> {
  const out: string[] = [];
  for (const q of dashboardQueries(config)) {
    const expr = substituteGrafanaMacros(q.expr).replace(/\[1m\]/g, '[2m]');
    if ((await query(expr)).length === 0) out.push(`${q.dashboard} / ${q.panel}: ${expr}`);
  }
  return out;
}

/** One sample of an instant vector from Prometheus's HTTP API. */
export interface InstantSample { readonly metric: Record<string, string>; readonly value: [number, string] }

/** An instant query against a Prometheus at `base`; throws with the expression and Prometheus's error. */
export async function instantQuery(base: string, expr: string): Promise<InstantSample[]> {
  const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const body = (await res.json()) as { status: string; data?: { result: InstantSample[] }; error?: string };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data!.result;
}
