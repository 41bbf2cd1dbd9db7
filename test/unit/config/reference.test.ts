/**
 * docs/configuration.md is rendered from the schema (`npm run docs`): this
 * fails when the committed file is stale, when a key has no description,
 * when an example does not load with the real loader, or when a key appears
 * in no example. UPDATE_GOLDEN=1 rewrites the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { configKeys, configurationReference } from '../../../config/reference/index.js';
import { codeBlocks, loadExample } from '../../support/doc-examples.js';
import { ROOT } from '../../support/tools.js';

const FILE = join(ROOT, 'docs/configuration.md');
/** Every key path in a YAML text, lists written `[]` as in the reference. */
function keyPaths(node: Node | null, prefix = '', out = new Set<string>()): Set<string> {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = String((pair.key as { value?: unknown }).value);
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      keyPaths(pair.value as Node | null, path, out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) keyPaths(item as Node, `${prefix}[]`, out);
  }
  return out;
}

describe('docs/configuration.md', () => {
  const expected = configurationReference();
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, expected);
  const doc = readFileSync(FILE, 'utf8');
  const yamlBlocks = codeBlocks(doc).filter((b) => b.lang === 'yaml');

  it('is what `npm run docs` writes from the schema', () => {
    expect(doc).toBe(expected);
  });

  it('describes every key that is not a mapping', () => {
    const bare = configKeys().filter((k) => !k.description && k.type !== 'mapping').map((k) => k.path);
    expect(bare).toEqual([]);
  });

  it.each(yamlBlocks.map((b) => [b.line, b] as const))('the example at line %i loads with the real config loader', (_line, b) => {
    expect(() => loadExample(b.text)).not.toThrow();
  });

  it('shows every key in an example', () => {
    const shown = new Set<string>();
    for (const b of yamlBlocks) for (const p of keyPaths(parseDocument(b.text).contents)) shown.add(p);
    // A shared row (`checks.{delivery,health}.schedule`) is shown when one of its keys is.
    const expand = (p: string): string[] => {
      const m = /\{([^}]+)\}/.exec(p);
      return m ? (m[1] as string).split(',').flatMap((k) => expand(p.replace(m[0], k))) : [p];
    };
    expect(configKeys().map((k) => k.path).filter((p) => !expand(p).some((x) => shown.has(x)))).toEqual([]);
  });
});
