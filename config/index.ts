/** Config: parse and validate once at the edge; the core receives typed values. */
export { loadConfig, parseConfig, type LoadOptions, type ParseOptions } from './load.js';
export { ConfigError, formatIssue, type ConfigIssue } from './errors.js';
export { Secret, maskSecrets, secretMask } from './secret.js';
export { maskUrls, masker, publicUrl, redactor, secretsOf } from './redact.js';
export { parseDuration, formatDuration, duration, type Duration } from './duration.js';
export * from './defaults.js';
export type * from './types.js';
export { MAPPED_FIELDS, RECORD_FORMATS } from './schema/exporter.js';
