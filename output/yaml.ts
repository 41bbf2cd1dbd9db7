/** Deterministic YAML with the generated header. */
import { stringify } from 'yaml';
import { withHeader } from './file.js';

/**
 * YAML with the header comment. Long expressions stay on one line (no
 * folding) so diffs and golden files stay readable.
 */
export function renderYaml(value: unknown, source: string): string {
  const body = stringify(value, { lineWidth: 0, minContentWidth: 0, indentSeq: true, aliasDuplicateObjects: false });
  return withHeader(body, '#', source);
}
