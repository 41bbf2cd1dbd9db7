/**
 * A large config read in pieces gives exactly the values of the whole
 * text, and anything a cut could change is read whole instead.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../../config/index.js';
import { PIECES_FROM_BYTES, plainInPieces } from '../../../config/yaml-pieces.js';

const SECRET = 'whsec_c2VjcmV0LWZvci1zdGF0dXMtdGVzdA';

/** Items in several styles, some spanning lines, with comments and blank lines between them. */
function item(i: number, indent: string): string {
  switch (i % 5) {
    case 0: return `${indent}- name: e${i}\n${indent}  url: http://127.0.0.1:1/e${i}\n${indent}  signing: { scheme: standard-webhooks, secret: ${SECRET} }\n`;
    case 1: return `${indent}- { name: "e${i}", url: 'http://127.0.0.1:1/e${i}',\n${indent}    signing: { scheme: none } }\n\n`;
    case 2: return `${indent}- name: e${i} # a comment\n# a comment at column 0\n${indent}  url: "http://127.0.0.1:1/\\\n${indent}    e${i}"\n${indent}  labels:\n${indent}    - |\n${indent}      - not an item\n${indent}      text\n`;
    case 3: return `${indent}-\n${indent}  name: e${i}\n${indent}  url: http://127.0.0.1:1/e${i}\n${indent}  signing: {scheme: none}\n`;
    default: return `${indent}- name: >-\n${indent}    e${i}\n${indent}  url: http://127.0.0.1:1/e${i}\n${indent}  events: [a,\n${indent}    b]\n`;
  }
}

const config = (n: number, indent: string, eol = '\n') =>
  `# head\nprober:\n  interval: 60s\nendpoints: # the list\n${Array.from({ length: n }, (_, i) => item(i, indent)).join('')}status:\n  enabled: true\n`.replace(/\n/g, eol);

describe('plainInPieces', () => {
  it.each([['  ', '\n'], ['', '\n'], ['  ', '\r\n']])('gives the values of the whole text (items indented %j, line ends %j)', (indent, eol) => {
    const text = config(1234, indent, eol);
    const pieces = plainInPieces(text, 0);
    expect(pieces).toBeDefined();
    expect(pieces).toEqual(parse(text));
    expect((pieces as { endpoints: unknown[] }).endpoints).toHaveLength(1234);
  });

  it('leaves a small text to the whole reading', () => {
    const text = config(3, '  ');
    expect(text.length).toBeLessThan(PIECES_FROM_BYTES);
    expect(plainInPieces(text)).toBeUndefined();
  });

  it.each([
    ['an alias to an anchor in another piece', (t: string) => t.replace('- name: e0\n', '- name: &first e0\n').replace('- name: e250\n', '- name: *first\n')],
    ['a quoted value cut at an item line', (t: string) => t.replace('- name: e150\n', '- name: "e150\n  - x"\n')],
    ['a flow value cut at an item line', (t: string) => t.replace('- name: e150\n', '- name: [e150,\n  - x]\n')],
    ['a document marker', (t: string) => `---\n${t}`],
    ['tab indentation', (t: string) => t.replace('  interval: 60s', '\tinterval: 60s')],
    ['a root that is not a block mapping', (t: string) => `{\n${t}}\n`],
    ['the list ending at an indented line', (t: string) => t.replace('status:\n', ' status:\n')],
    ['a second endpoints key', (t: string) => `${t}endpoints:\n  - name: x\n`],
  ])('reads the whole text with %s', (_, change) => {
    const text = change(config(300, '  '));
    expect(plainInPieces(text, 0)).toBeUndefined();
  });
});

describe('parseConfig on a large config', () => {
  const big = (n: number) => `endpoints:\n${Array.from({ length: n }, (_, i) => `  - name: e${i}\n    url: http://127.0.0.1:1/e${i}\n    signing: { scheme: standard-webhooks, secret: ${SECRET} }\n`).join('')}`;

  it('reads it in pieces and still names a bad value by file:line:col', () => {
    const n = Math.ceil(PIECES_FROM_BYTES / 100) + 500;
    const good = big(n);
    expect(good.length).toBeGreaterThan(PIECES_FROM_BYTES);
    expect(parseConfig(good, { file: 'hookwatch.yaml', dir: '/tmp', env: {} }).endpoints).toHaveLength(n);
    const bad = good.replace('    url: http://127.0.0.1:1/e1234\n', '    url: 42\n');
    const line = bad.split('\n').indexOf('    url: 42') + 1;
    expect(() => parseConfig(bad, { file: 'hookwatch.yaml', dir: '/tmp', env: {} })).toThrow(`hookwatch.yaml:${line}:10 endpoints[1234].url: got 42, expected`);
  });
});
