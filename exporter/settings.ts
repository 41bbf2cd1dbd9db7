/**
 * What the exporter needs from the config, with paths resolved against the
 * config file's folder. Built from a `Config` so the core never sees argv
 * or the environment.
 */
import { accessSync, constants, statSync } from 'node:fs';
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

/**
 * Problems with file sources that waiting will not fix (a folder, an
 * unreadable file), one line each. A missing file is fine: it is waited for.
 */
export function sourceProblems(settings: ExporterSettings): string[] {
  const out: string[] = [];
  settings.sources.forEach((s, i) => {
    if (s.type !== 'file' || /[*?[]/.test(s.path)) return;
    const path = isAbsolute(s.path) ? s.path : resolve(settings.baseDir, s.path);
    try {
      if (statSync(path).isDirectory()) {
        out.push(`exporter.sources[${i}].path: got "${s.path}", expected a file or a glob (it is a folder; try "${s.path.replace(/\/$/, '')}/*.jsonl")`);
        return;
      }
      accessSync(path, constants.R_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') out.push(`exporter.sources[${i}].path: got "${s.path}", expected a readable file (${code ?? String(err)})`);
    }
  });
  return out;
}
