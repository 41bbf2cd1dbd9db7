/**
 * Record fields a `map:` can point at (the exporter's record readers follow
 * the same list). A module of its own, without the schema library, so the
 * exporter's counting threads can load it cheaply.
 */
export const MAPPED_FIELDS = [
  'ts', 'kind', 'event_id', 'event_type', 'endpoint', 'url', 'attempt', 'status', 'error', 'duration',
  'created_at', 'queued_at', 'outcome', 'processing', 'rate_limit_limit', 'rate_limit_remaining',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
