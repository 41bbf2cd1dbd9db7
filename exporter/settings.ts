/**
 * What the exporter needs from the config, with paths resolved against the
 * config file's folder. Built from a `Config` so the core never sees argv
 * or the environment.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Config } from '../config/index.js';
import type { EndpointRef } from './endpoints.js';

export type SourceConfig = Config['exporter']['sources'][number];

export interface ExporterSettings {
  readonly endpoints: readonly EndpointRef[];
  readonly labelLimit: number;
  readonly maxLineBytes: number;
  readonly stateDir: string;
  /** Folder relative source paths resolve against. */
  readonly baseDir: string;
  readonly pollSeconds: number;
  readonly checkpointSeconds: number;
  readonly listen: { readonly host: string; readonly port: number };
  readonly sources: readonly SourceConfig[];
}

/** The `source` label of the i-th source: its `name`, else `<type>-<i>`. */
export function sourceName(s: SourceConfig, i: number): string {
  return s.name ?? `${s.type}-${i}`;
}

export function settingsFrom(config: Config): ExporterSettings {
  const e = config.exporter;
  const baseDir = dirname(config.file);
  return {
    endpoints: config.endpoints.map((x) => ({ name: x.name, url: x.url })),
    labelLimit: e.label_limit,
    maxLineBytes: e.max_line_bytes,
    stateDir: isAbsolute(e.state_dir) ? e.state_dir : resolve(baseDir, e.state_dir),
    baseDir,
    pollSeconds: e.poll_interval.seconds,
    checkpointSeconds: e.checkpoint_interval.seconds,
    listen: { host: e.listen.host, port: e.listen.port },
    sources: e.sources,
  };
}
