/**
 * The prober's own metric store against what prom-client rendered for the
 * same calls (fixtures captured from the prom-client implementation), its
 * escaping, and a render that yields to the event loop.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProberMetrics } from '../../../prober/metrics.js';
import { CHUNK_LINES, MetricStore, type GaugeFamily, type HistogramFamily } from '../../../prober/metric-store.js';
import { AWKWARD, exercise } from './exposition-exercise.js';

const fixture = (mode: string) => readFileSync(new URL(`./fixtures/prom-client-${mode}.txt`, import.meta.url), 'utf8');

describe('the prober metric store', () => {
  it.each(['compact', 'full'] as const)('%s mode: renders byte for byte what prom-client rendered for the same calls', async (mode) => {
    const m = new ProberMetrics('1.2.3', { mode, ...(mode === 'compact' ? { durationBuckets: [0.25, 1, 2.5] } : {}) });
    exercise(m);
    expect(await m.metrics()).toBe(fixture(mode));
  });

  it('escapes backslash, double quote and newline in label values, and a help text\'s backslash and newline', async () => {
    const m = new ProberMetrics('1.2.3');
    exercise(m);
    const text = await m.metrics();
    expect(AWKWARD).toMatch(/["\\\n]/);
    expect(text).toContain('webhook_probe_up{endpoint="we\\"ird\\\\name\\nline2",check="delivery",region="eu-1"} 0\n');
    expect(text).toContain('webhook_maintenance{endpoint="we\\"ird\\\\name\\nline2"} 1\n');
    const store = new MetricStore();
    (store.add({ name: 'x', help: 'a \\ b\nc', type: 'gauge', labels: ['v'] }) as GaugeFamily).set({ v: '\\"\n' }, 2);
    expect(await store.metrics()).toBe('# HELP x a \\\\ b\\nc\n# TYPE x gauge\nx{v="\\\\\\"\\n"} 2\n');
  });

  it('streams the same page in pieces as it renders at once', async () => {
    const m = new ProberMetrics('1.2.3');
    exercise(m);
    const pieces: string[] = [];
    for await (const c of m.store.chunks(7)) pieces.push(c);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(fixture('full'));
  });

  it('yields to the event loop while it renders many series: a timer set during the render fires before it ends', async () => {
    const store = new MetricStore();
    const g = store.add({ name: 'g', help: 'h', type: 'gauge', labels: ['endpoint'] }) as GaugeFamily;
    const h = store.add({ name: 'h_seconds', help: 'h', type: 'histogram', labels: ['endpoint'], buckets: [0.1, 1] }) as HistogramFamily;
    const n = CHUNK_LINES * 5;
    for (let i = 0; i < n; i++) { g.set({ endpoint: `e${i}` }, i); h.observe({ endpoint: `e${i}` }, 0.5); }
    const events: string[] = [];
    let pieces = 0;
    const render = (async () => {
      let bytes = 0;
      for await (const c of store.chunks()) {
        bytes += c.length;
        if (pieces++ === 0) setTimeout(() => events.push('timer'), 0);
        // Updates between pieces (a probe recorded meanwhile) neither stop nor corrupt the render.
        g.set({ endpoint: 'late' }, 1);
        h.remove({ endpoint: `e${n - 1}` });
      }
      events.push('render done');
      return bytes;
    })();
    expect(await render).toBeGreaterThan(0);
    expect(pieces).toBeGreaterThan(5);
    expect(events).toEqual(['timer', 'render done']);
    const text = await store.metrics();
    expect(text).toContain('g{endpoint="late"} 1\n');
    expect(text).not.toContain(`h_seconds_count{endpoint="e${n - 1}"}`);
    expect(text).toContain(`h_seconds_bucket{le="1",endpoint="e${n - 2}"} 1\nh_seconds_bucket{le="+Inf",endpoint="e${n - 2}"} 1\nh_seconds_sum{endpoint="e${n - 2}"} 0.5\nh_seconds_count{endpoint="e${n - 2}"} 1\n`);
  });
});
