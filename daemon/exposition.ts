/**
 * What every hand-written Prometheus exposition shares (the exporter's and
 * the prober's): a sample value as the text formats spell it and a family's
 * `# HELP` / `# TYPE` header. Label values are escaped by the catalog's
 * `escapeLabelValue`; this folder imports nothing of ours.
 */

/** A sample value as Prometheus text expects it. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** `# HELP` and `# TYPE` lines of a family (help text with backslash and newline escaped). */
export function familyHeader(family: string, help: string, type: string): string {
  return `# HELP ${family} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${family} ${type}\n`;
}
