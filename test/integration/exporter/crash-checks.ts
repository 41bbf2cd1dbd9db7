/** What the kill -9 tests check on every scrape and at the end. */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { isDefaultMetricName, METRICS } from '../../../catalog/index.js';
import { scrape } from '../../support/scrape.js';
import { parseExposition, type GeneratedLog } from './generate.js';

/** Counter-like samples: `_total`, and histogram `_bucket`, `_sum`, `_count` (not the process's own: they restart with it). */
function isMonotonic(series: string): boolean {
  const name = series.split('{')[0] as string;
  return !isDefaultMetricName(name) && (name.endsWith('_total') || /_(bucket|sum|count)$/.test(name));
}

/** A check of scraped texts: no counter-like sample ever goes below what an earlier one showed. */
export function monotonicCheck(): (text: string) => void {
  const seen = new Map<string, number>();
  return (text) => {
    for (const [k, v] of parseExposition(text)) {
      if (!isMonotonic(k)) continue;
      const before = seen.get(k) ?? 0;
      expect(v, `${k} went from ${before} to ${v}`).toBeGreaterThanOrEqual(before);
      seen.set(k, v);
    }
  };
}

/**
 * Scrapes until source `main` has read every line of `gen` (or `ms` passed),
 * then expects the log's exact totals: every expected series, deliveries and
 * parse errors summed. Returns the parsed last scrape.
 */
export async function expectExactTotals(url: string, gen: GeneratedLog, check: (text: string) => void, ms: number): Promise<Map<string, number>> {
  const linesKey = `${METRICS.exporterLinesRead.name}{source="main"}`;
  // Wait until the daemon has caught up; the assertions below then show any difference.
  let final = '';
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    final = await scrape(`${url}/metrics`);
    if (parseExposition(final).get(linesKey) === gen.lines.length) break;
  }
  expect(parseExposition(final).get(linesKey)).toBe(gen.lines.length);
  check(final);
  const got = parseExposition(final);
  for (const [k, v] of gen.expected) expect(got.get(k), k).toBe(v);
  const sum = (name: string) => [...got].filter(([k]) => k.startsWith(`${name}{`)).reduce((a, [, v]) => a + v, 0);
  expect(sum(METRICS.deliveries.name)).toBe(gen.lines.length - gen.badLines);
  expect(sum(METRICS.exporterParseErrors.name)).toBe(gen.badLines);
  return got;
}
