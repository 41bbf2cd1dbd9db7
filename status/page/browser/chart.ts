/**
 * A card's latency chart (uPlot, loaded by the page before this script)
 * and its caption with the headline p50 and p95.
 */
import type uPlotType from 'uplot';
import type { EndpointStatus, LatencySeries } from '../../api-types.js';
import { timeAxis } from './axis.js';
import type { Card } from './cards.js';
import { el } from './dom.js';
import { dur, fmtMs } from './format.js';
import { joinShortGaps } from './gaps.js';

/** The global the uPlot script defines; absent when it failed to load. */
declare const uPlot: typeof uPlotType | undefined;

const HEIGHT = 150;

function cssVar(n: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(n).trim();
}

/** Milliseconds, with short holes joined over and outages left as breaks. */
function chartData(lat: LatencySeries): uPlotType.AlignedData {
  const ms = (vs: (number | null)[]): (number | null | undefined)[] =>
    joinShortGaps(vs, lat.bucketSeconds, lat.cadenceSeconds).map((v) => (v == null ? v : v * 1000));
  return [lat.t, ms(lat.p50), ms(lat.p95)];
}

function options(c: Card): uPlotType.Options {
  const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid'), width: 1 }, ticks: { stroke: cssVar('--grid'), width: 1 } };
  return {
    width: width(c), height: HEIGHT, padding: [8, 28, 0, 0],
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
    series: [{}, { label: 'p50', stroke: cssVar('--p50'), width: 2, points: { size: 4 } },
      { label: 'p95', stroke: cssVar('--p95'), width: 2, dash: [6, 4], points: { size: 4 } }],
    axes: [timeAxis(axis), { ...axis, size: 62, values: (_u, vals) => vals.map(fmtMs) }],
    legend: { show: false },
    cursor: { y: false },
  };
}

function width(c: Card): number {
  return Math.max(220, c.chart.clientWidth);
}

export function fillChart(c: Card, ep: EndpointStatus): void {
  const lat = ep.latency;
  const p50 = dur(lat.recent.p50);
  const p95 = dur(lat.recent.p95);
  c.caption.textContent = 'Probe latency, last 5 min: ';
  c.caption.appendChild(el('b', null, 'p50 ' + p50));
  c.caption.appendChild(document.createTextNode(' solid \u00b7 '));
  c.caption.appendChild(el('b', null, 'p95 ' + p95));
  c.caption.appendChild(document.createTextNode(' dashed (chart: last hour)'));
  c.chart.setAttribute('aria-label', 'Latency of ' + ep.name + ' over the last hour, latest p50 ' + p50 + ', p95 ' + p95);
  if (!lat.t.length || typeof uPlot === 'undefined') {
    c.plot?.destroy();
    c.plot = null;
    c.chart.textContent = '';
    c.chart.appendChild(el('div', 'empty', 'No response measured yet'));
    return;
  }
  if (c.plot) { c.plot.setData(chartData(lat)); return; }
  c.chart.textContent = '';
  c.plot = new uPlot(options(c), chartData(lat), c.chart);
}

/** Fits every chart to its card after the window changed size. */
export function resizeCharts(cards: Iterable<Card>): void {
  for (const c of cards) c.plot?.setSize({ width: width(c), height: HEIGHT });
}
