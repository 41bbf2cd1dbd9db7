/**
 * The prober's own metric store against what prom-client rendered for the
 * same calls (fixtures captured from the prom-client implementation), its
 * escaping, and a render that yields to the event loop.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProberMetrics } from '../../../prober/metrics.js';
import { CHUNK_LINES, MetricStore, type CounterFamily, type GaugeFamily, type HistogramFamily } from '../../../prober/metric-store.js';
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

  it('keeps creation order with series of one base and different last labels, puts a series that comes back last, and gives removed label texts back', async () => {
    const store = new MetricStore();
    const c = store.add({ name: 'c_total', help: 'h', type: 'counter', labels: ['endpoint', 'result'] }) as CounterFamily;
    c.inc({ endpoint: 'a', result: 'x' });
    c.inc({ endpoint: 'b', result: 'x' }, 2);
    c.inc({ endpoint: 'a', result: 'y' }, 3);
    c.remove({ endpoint: 'a', result: 'x' });
    c.inc({ endpoint: 'a', result: 'x' }, 4);
    expect(await store.metrics()).toBe('# HELP c_total h\n# TYPE c_total counter\nc_total{endpoint="b",result="x"} 2\nc_total{endpoint="a",result="y"} 3\nc_total{endpoint="a",result="x"} 4\n');
    expect(c.get({ endpoint: 'a', result: 'y' })).toBe(3);
    expect(c.get({ endpoint: 'c', result: 'y' })).toBeUndefined();
    // endpoint="a", endpoint="b", result="x", result="y"
    expect(store.labelTexts).toBe(4);
    c.reset();
    expect(store.labelTexts).toBe(0);
    expect(await store.metrics()).toBe('# HELP c_total h\n# TYPE c_total counter\n');
  });

  it('packs its slots after many removals and renders the same as a store that never had them', async () => {
    const make = () => {
      const store = new MetricStore();
      return { store, g: store.add({ name: 'g', help: 'h', type: 'gauge', labels: ['endpoint', 'check'] }) as GaugeFamily, h: store.add({ name: 'h_seconds', help: 'h', type: 'histogram', labels: ['endpoint'], buckets: [1] }) as HistogramFamily };
    };
    const churned = make();
    const n = 5000;
    for (let i = 0; i < n; i++) { churned.g.set({ endpoint: `e${i}`, check: 'delivery' }, i); churned.h.observe({ endpoint: `e${i}` }, i % 2); }
    // Two in three removed: holes outnumber the live slots, so the columns are packed.
    for (let i = 0; i < n; i++) if (i % 3) { churned.g.remove({ endpoint: `e${i}`, check: 'delivery' }); churned.h.remove({ endpoint: `e${i}` }); }
    for (let i = 0; i < n; i += 3) churned.g.set({ endpoint: `e${i}`, check: 'health' }, -i);
    const fresh = make();
    for (let i = 0; i < n; i += 3) { fresh.g.set({ endpoint: `e${i}`, check: 'delivery' }, i); fresh.h.observe({ endpoint: `e${i}` }, i % 2); }
    for (let i = 0; i < n; i += 3) fresh.g.set({ endpoint: `e${i}`, check: 'health' }, -i);
    expect(churned.g.slots).toBeLessThan(n);
    expect(churned.h.slots).toBeLessThan(n);
    expect(await churned.store.metrics()).toBe(await fresh.store.metrics());
    expect(churned.store.labelTexts).toBe(fresh.store.labelTexts);
  });

  it('does not renumber slots while a render walks them: a reset during it still ends with every series once', async () => {
    const store = new MetricStore();
    const g = store.add({ name: 'g', help: 'h', type: 'gauge', labels: ['endpoint'] }) as GaugeFamily;
    const n = CHUNK_LINES * 3;
    for (let i = 0; i < n; i++) g.set({ endpoint: `e${i}` }, 1);
    let text = '';
    let pieces = 0;
    for await (const c of store.chunks()) {
      text += c;
      if (pieces++ === 0) { g.reset(); for (let i = 0; i < n; i++) g.set({ endpoint: `e${i}` }, 2); }
    }
    const lines = text.split('\n').filter((l) => l.startsWith('g{'));
    expect(lines.filter((l) => l.endsWith(' 2'))).toHaveLength(n);
    expect(g.slots).toBe(2 * n);
    g.remove({ endpoint: 'e0' });
    expect(g.slots).toBe(n - 1);
    expect((await store.metrics()).split('\n').filter((l) => l.startsWith('g{'))).toHaveLength(n - 1);
  });
});
