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
import { collectDefaultMetrics, Registry } from 'prom-client';

const registries = new Map<string, Registry>();

function registryFor(labels: Readonly<Record<string, string>>): Registry {
  const key = JSON.stringify(labels);
  let reg = registries.get(key);
  if (reg) return reg;
  reg = new Registry();
  collectDefaultMetrics({ register: reg, labels: { ...labels } });
  // `nodejs_active_handles_total` and its kin are gauges named like
  // counters (promtool check metrics rejects them); the unsuffixed
  // families carry the same figures by type.
  for (const m of reg.getMetricsAsArray()) if (String(m.type) !== 'counter' && m.name.endsWith('_total')) reg.removeSingleMetric(m.name);
  registries.set(key, reg);
  return reg;
}

/** The default metrics now, in text format 0.0.4, every series carrying `labels`. */
export function processMetrics(labels: Readonly<Record<string, string>>): Promise<string> {
  return registryFor(labels).metrics();
}
