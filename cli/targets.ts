/**
 * Where the prometheus.yml of `hookwatch build` looks for things. Each
 * address comes from a flag when given, else from the config: the prober's
 * and exporter's `listen` (a wildcard host becomes 127.0.0.1), Alertmanager
 * on its default port on the same host, and the rule files next to
 * prometheus.yml, where the build writes them. The docker-compose stack
 * passes its service names as flags (`npm run generate`, COMPOSE_FLAGS).
 */
import type { Config, ListenAddress } from '../config/index.js';
import { UsageError } from './args.js';
import type { PrometheusTargets } from './stack/prometheus.js';

export const TARGET_OPTIONS = {
  'prober-target': { type: 'string', multiple: true },
  'exporter-target': { type: 'string', multiple: true },
  alertmanager: { type: 'string', multiple: true },
  'rule-files-dir': { type: 'string' },
} as const;

export type TargetFlags = { readonly [K in keyof typeof TARGET_OPTIONS]?: K extends 'rule-files-dir' ? string : readonly string[] };

/** The flags `npm run generate` passes for the docker-compose network (service names). */
export const COMPOSE_FLAGS: TargetFlags = {
  'prober-target': ['hookwatch:9468'],
  'exporter-target': ['hookwatch:9469'],
  alertmanager: ['alertmanager:9093'],
  'rule-files-dir': '/etc/prometheus/rules',
};

/** Alertmanager's own default listen port. */
const ALERTMANAGER_PORT = 9093;

function local(l: ListenAddress): string {
  const host = l.host === '0.0.0.0' || l.host === '::' ? '127.0.0.1' : l.host;
  return `${host.includes(':') ? `[${host}]` : host}:${l.port}`;
}

function hostPorts(flag: string, values: readonly string[] | undefined, fallback: string[]): string[] {
  if (!values?.length) return fallback;
  for (const v of values) {
    if (!/^[^\s/:]+:\d{1,5}$|^\[[0-9a-fA-F:.]+\]:\d{1,5}$/.test(v)) throw new UsageError(`Invalid --${flag} "${v}". Must be HOST:PORT (hookwatch:9468).`);
  }
  return [...values];
}

export function prometheusTargets(config: Config, flags: TargetFlags = {}): PrometheusTargets {
  return {
    prober: hostPorts('prober-target', flags['prober-target'], [local(config.prober.listen)]),
    exporter: hostPorts('exporter-target', flags['exporter-target'], [local(config.exporter.listen)]),
    alertmanager: hostPorts('alertmanager', flags.alertmanager, [`127.0.0.1:${ALERTMANAGER_PORT}`]),
    ruleFilesDir: flags['rule-files-dir'] ?? 'rules',
  };
}
