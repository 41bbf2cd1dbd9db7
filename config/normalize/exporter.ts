/**
 * The exporter section: camelCase, paths absolute against the config
 * folder, every source named once (`sourceNames`, the rule the schema's
 * uniqueness check uses too), field maps typed.
 */
import { MAPPED_FIELDS, sourceNames, type ExporterInput } from '../schema/exporter.js';
import type { ExporterConfig, FieldMap, SourceConfig } from '../types.js';

type RawSource = ExporterInput['sources'][number];

function fieldMap(m: NonNullable<RawSource['map']>): FieldMap {
  const paths: Partial<Record<(typeof MAPPED_FIELDS)[number], string>> = {};
  for (const f of MAPPED_FIELDS) {
    const p = m[f];
    if (p !== undefined) paths[f] = p;
  }
  return { paths, durationUnit: m.duration_unit, timestampFormat: m.timestamp_format };
}

function source(s: RawSource, name: string, path: (p: string) => string): SourceConfig {
  const format = { format: s.format, ...(s.map ? { map: fieldMap(s.map) } : {}) };
  switch (s.type) {
    case 'file': return { type: 'file', name, ...format, path: path(s.path), written: s.path };
    case 'stdin': return { type: 'stdin', name, ...format };
    case 'http': return { type: 'http', name, ...format, path: s.path, ...(s.token_file ? { token: s.token_file } : {}), maxBodyBytes: s.max_body_bytes,
      idempotency: { ttlSeconds: s.idempotency.ttl.seconds, maxEntries: s.idempotency.max_entries } };
  }
}

export function normalizeExporter(e: ExporterInput, path: (p: string) => string): ExporterConfig {
  const names = sourceNames(e.sources);
  return {
    listen: e.listen,
    stateDir: path(e.state_dir),
    checkpointSeconds: e.checkpoint_interval.seconds,
    pollSeconds: e.poll_interval.seconds,
    maxLineBytes: e.max_line_bytes,
    labelLimit: e.label_limit,
    attemptMemory: e.attempt_memory,
    parallelCatchUpBytes: e.parallel_catch_up_bytes,
    sources: e.sources.map((s, i) => source(s, names[i] as string, path)),
  };
}
