/**
 * `process_cpu_seconds_total` is the process's CPU since it started, as
 * Prometheus client libraries report it, even though prom-client is only
 * registered at the first scrape: a daemon that worked before it was first
 * scraped must not show that work as never spent.
 */
import { describe, expect, it } from 'vitest';
import { processMetrics } from '../../../daemon/process-metrics.js';

function sample(page: string, name: string): number {
  const line = page.split('\n').find((l) => l.startsWith(`${name}{`));
  if (!line) throw new Error(`no ${name} in the page`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('process metrics', () => {
  it('count the CPU spent before the first scrape', async () => {
    const until = performance.now() + 300;
    let spin = 0;
    while (performance.now() < until) spin += 1;
    expect(spin).toBeGreaterThan(0);
    const total = process.cpuUsage();
    const page = await processMetrics({ component: 'cpu-test' });
    const user = sample(page, 'process_cpu_user_seconds_total');
    const all = sample(page, 'process_cpu_seconds_total');
    expect(user).toBeGreaterThanOrEqual(total.user / 1e6 - 0.001);
    expect(all).toBeGreaterThanOrEqual((total.user + total.system) / 1e6 - 0.001);
    expect(page).toContain('component="cpu-test"');
  });
});
