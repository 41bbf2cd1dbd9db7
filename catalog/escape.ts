/**
 * Label values inside double quotes, as both the exposition formats and
 * PromQL spell them: backslash, double quote and newline escaped.
 */
export function escapeLabelValue(v: string): string {
  return /[\\"\n]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v;
}
