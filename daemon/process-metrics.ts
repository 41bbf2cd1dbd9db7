/**
 * prom-client's default metrics (`process_*`, `nodejs_*`: CPU, memory,
 * heap, event-loop lag, GC) for a component's `/metrics`, on an explicit
 * registry of their own, never prom-client's global one.
 *
 * One registry per label set for the life of the process: each
 * registration starts an event-loop delay monitor and a GC observer that
 * cannot be stopped, so they are made once, not per server or reload. In
 * `hookwatch up` the prober and the exporter share one process, so their
 * figures are the same, told apart by the label.
 */
import type { Registry } from 'prom-client';

const registries = new Map<string, Promise<Registry>>();

/**
 * prom-client is imported at the first scrape, not with this module: a
 * component that is never scraped (the probe benchmark, `probe --once`)
 * does not load it (about 11 MiB of RSS).
 */
async function createRegistry(labels: Readonly<Record<string, string>>): Promise<Registry> {
  const { collectDefaultMetrics, Registry } = await import('prom-client');
  const reg = new Registry();
  const before = process.cpuUsage();
  collectDefaultMetrics({ register: reg, labels: { ...labels } });
  sinceStart(reg, labels, before);
  // `nodejs_active_handles_total` and its kin are gauges named like
  // counters (promtool check metrics rejects them); the unsuffixed
  // families carry the same figures by type.
  for (const m of reg.getMetricsAsArray()) if (String(m.type) !== 'counter' && m.name.endsWith('_total')) reg.removeSingleMetric(m.name);
  return reg;
}

/**
 * prom-client counts the CPU seconds from its registration on, which is the
 * first scrape here; Prometheus's `process_cpu_seconds_total` is the
 * process's since it started (as client_golang and the Node process itself
 * report it), so the seconds spent before are added once.
 */
function sinceStart(reg: Registry, labels: Readonly<Record<string, string>>, before: NodeJS.CpuUsage): void {
  const user = before.user / 1e6;
  const system = before.system / 1e6;
  for (const [name, seconds] of [['process_cpu_user_seconds_total', user], ['process_cpu_system_seconds_total', system], ['process_cpu_seconds_total', user + system]] as const) {
    const counter = reg.getSingleMetric(name) as { inc(labels: Record<string, string>, value: number): void } | undefined;
    counter?.inc({ ...labels }, seconds);
  }
}

function registryFor(labels: Readonly<Record<string, string>>): Promise<Registry> {
  const key = JSON.stringify(labels);
  let reg = registries.get(key);
  if (!reg) registries.set(key, (reg = createRegistry(labels)));
  return reg;
}

/** The default metrics now, in text format 0.0.4, every series carrying `labels`. */
export async function processMetrics(labels: Readonly<Record<string, string>>): Promise<string> {
  return (await registryFor(labels)).metrics();
}
