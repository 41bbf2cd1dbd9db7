/**
 * docs/configuration.md from the schema's rows: one section per top-level
 * key, each with its table of keys and a YAML example. Pure text in, text
 * out; `npm run docs` writes it and a test fails when the committed file
 * differs.
 */
import type { KeyRow } from './walk.js';

export interface Section {
  /** The top-level key (`exporter`). */
  readonly key: string;
  /** What the section is for, in a sentence or two. */
  readonly intro: string;
  /** YAML examples; a fragment without `endpoints:` loads together with one endpoint. */
  readonly examples: readonly string[];
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function row(r: KeyRow): string {
  const key = `\`${r.path}\`${r.variant ? ` (${r.variant})` : ''}`;
  const dflt = r.default !== undefined ? `\`${r.default}\`` : r.required ? '**required**' : '—';
  return `| ${key} | ${cell(r.type)} | ${cell(dflt)} | ${cell(r.description ?? '')} |`;
}

/** The markdown of one section's table and example. */
export function renderSection(section: Section, rows: readonly KeyRow[]): string {
  const own = rows.filter((r) => r.path === section.key || r.path.startsWith(`${section.key}.`) || r.path.startsWith(`${section.key}[]`));
  return [
    `## \`${section.key}\``,
    '',
    section.intro,
    '',
    '| key | type | default | description |',
    '|---|---|---|---|',
    ...own.map(row),
    '',
    ...section.examples.flatMap((e) => ['```yaml', e.trimEnd(), '```', '']),
  ].join('\n');
}

export function renderReference(header: string, sections: readonly Section[], rows: readonly KeyRow[]): string {
  const toc = sections.map((s) => `[\`${s.key}\`](#${s.key})`).join(' · ');
  return [header.trimEnd(), '', toc, '', ...sections.map((s) => renderSection(s, rows))].join('\n');
}
