/**
 * docs/architecture.md stays true: every top-level source folder is in its
 * layout table (and every folder there exists), and each folder imports
 * only what the dependency table allows.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const NOT_SOURCE = new Set(['node_modules', 'dist', 'test', 'bench', 'bin', 'deploy', 'generated', 'examples', 'scripts', 'docs', '.tools', '.git', '.ci', '.hookwatch', 'test-artifacts']);

/** Top-level folders holding TypeScript sources. */
function sourceFolders(): string[] {
  return readdirSync(ROOT)
    .filter((n) => !n.startsWith('.') && !NOT_SOURCE.has(n) && statSync(join(ROOT, n)).isDirectory())
    .filter((n) => tsFiles(join(ROOT, n)).length > 0)
    .sort();
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Rows of a markdown table whose first cell names folders in backticks. */
function tableFolders(heading: string): Map<string, string> {
  const section = DOC.split(/^## /m).find((s) => s.startsWith(heading)) ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || cells[1]?.startsWith('---') || cells[1] === 'folder') continue;
    for (const m of (cells[1] ?? '').matchAll(/`([a-z-]+)\/`/g)) rows.set(m[1] as string, cells[2] ?? '');
  }
  return rows;
}

/** Paths (relative to the repository) a file imports through relative specifiers. */
function importedPaths(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => relative(ROOT, resolve(dirname(file), m[1] as string)));
}

/** Top-level folders a file imports. */
function importedFolders(file: string): string[] {
  return importedPaths(file).map((p) => p.split(sep)[0] as string);
}

describe('docs/architecture.md', () => {
  const layout = tableFolders('Layout');
  const allowed = tableFolders('The dependency rule');

  it('lists every top-level source folder in its layout, and only folders that exist', () => {
    expect([...layout.keys()].sort()).toEqual(sourceFolders());
    for (const f of layout.keys()) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });

  it('gives every source folder a row in the dependency table', () => {
    expect([...allowed.keys()].sort()).toEqual(sourceFolders());
  });

  it('holds the dependency rule: each folder imports only what its row allows', () => {
    const broken: string[] = [];
    for (const folder of sourceFolders()) {
      const rule = allowed.get(folder) ?? '';
      const may = new Set(rule === 'everything' ? sourceFolders() : [...rule.matchAll(/`([a-z-]+)\/`/g)].map((m) => m[1] as string));
      may.add(folder);
      for (const file of tsFiles(join(ROOT, folder))) {
        for (const to of importedFolders(file)) {
          if (!may.has(to)) broken.push(`${relative(ROOT, file)} imports ${to}/`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('holds the exporter stage rule: each stage imports only what its row allows', () => {
    const stages = tableFolders('Inside the exporter');
    const dir = join(ROOT, 'exporter');
    const present = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
    expect([...stages.keys()].sort()).toEqual(present);
    const broken: string[] = [];
    for (const stage of present) {
      const rule = stages.get(stage) ?? '';
      const may = new Set(rule === 'every stage' ? present : [...rule.matchAll(/`([a-z-]+)\/`/g)].map((m) => m[1] as string));
      may.add(stage);
      for (const file of tsFiles(join(dir, stage))) {
        const inner = importedPaths(file).filter((p) => p.startsWith(`exporter${sep}`)).map((p) => p.split(sep)[1] as string);
        for (const to of inner) if (to !== 'index.ts' && !may.has(to)) broken.push(`${relative(ROOT, file)} imports exporter/${to}/`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps process.env and process.argv out of everything but cli/', () => {
    const readers = sourceFolders()
      .filter((f) => f !== 'cli')
      .flatMap((f) => tsFiles(join(ROOT, f)))
      .filter((file) => /process\.(env|argv)\b/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((file) => relative(ROOT, file));
    expect(readers).toEqual([]);
  });
});
