/**
 * What the exporter needs from the config: its (already normalised)
 * section and the configured endpoints. Built from a `Config` so the core
 * never sees argv or the environment.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import type { Config, ExporterConfig, SourceConfig } from '../../config/index.js';
import type { EndpointRef } from '../counting/endpoints.js';

export type { SourceConfig };

export interface ExporterSettings extends ExporterConfig {
  readonly endpoints: readonly EndpointRef[];
}

export function settingsFrom(config: Config): ExporterSettings {
  return { ...config.exporter, endpoints: config.endpoints.map((x) => ({ name: x.name, url: x.url })) };
}

/**
 * Problems with file sources that waiting will not fix (a folder, an
 * unreadable file), one line each. A missing file is fine: it is waited for.
 */
export function sourceProblems(settings: ExporterSettings): string[] {
  const out: string[] = [];
  settings.sources.forEach((s, i) => {
    if (s.type !== 'file' || /[*?[]/.test(s.written)) return;
    try {
      if (statSync(s.path).isDirectory()) {
        out.push(`exporter.sources[${i}].path: got "${s.written}", expected a file or a glob (it is a folder; try "${s.written.replace(/\/$/, '')}/*.jsonl")`);
        return;
      }
      accessSync(s.path, constants.R_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') out.push(`exporter.sources[${i}].path: got "${s.written}", expected a readable file (${code ?? String(err)})`);
    }
  });
  return out;
}

/**
 * File sources whose path has no file yet, one line each: the daemon waits
 * for them (`check` warns), `--once` cannot count them (it fails).
 */
export function missingSources(settings: ExporterSettings): string[] {
  const out: string[] = [];
  settings.sources.forEach((s, i) => {
    if (s.type !== 'file' || /[*?[]/.test(s.written) || existsSync(s.path)) return;
    const resolved = s.path === s.written ? '' : ` (${s.path})`;
    out.push(`exporter.sources[${i}] (source "${s.name}"): no file at "${s.written}"${resolved}`);
  });
  return out;
}
