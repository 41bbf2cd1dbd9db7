/**
 * The config loader: the only code that reads config files, secret files
 * or the environment. File + env → strict parse → validated, frozen Config.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { asWritten, interpolateEnv } from './env.js';
import { ConfigError, formatPath, isSecretPath, renderValue, type ConfigIssue } from './errors.js';
import { knownKeysCollector, unknownKeyProblem } from './suggest.js';
import { normalize } from './normalize/index.js';
import type { Config } from './types.js';
import { rootSchema } from './schema/root.js';
import { plainInPieces } from './yaml-pieces.js';

export interface LoadOptions {
  /** Environment for `${env:NAME}`; the CLI passes process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** File reader (tests inject one). */
  readonly readFile?: (path: string) => string;
}

/** Reads and validates a config file. Throws ConfigError listing every problem. */
export function loadConfig(path: string, opts: LoadOptions = {}): Config {
  const read = opts.readFile ?? readUtf8;
  const abs = resolve(path);
  let text: string;
  try {
    text = read(abs);
  } catch (err) {
    throw new ConfigError([{ file: path, path: '', expected: `a readable config file (${(err as NodeJS.ErrnoException).code ?? String(err)})` }]);
  }
  return parseConfig(text, { ...opts, file: path, dir: dirname(abs), readFile: read });
}

export interface ParseOptions extends LoadOptions {
  /** Name used in messages. */
  readonly file: string;
  /** Folder relative paths resolve against. */
  readonly dir: string;
}

/**
 * Validates config text. Throws ConfigError listing every problem.
 *
 * The YAML document with its positions is made twice only for a config with
 * problems: a valid one is read to plain values and the document dropped
 * before validation (at 10,000 endpoints the document is about 50 MiB that
 * would otherwise live through zod and normalize); the messages re-parse
 * the text to name file:line:col.
 */
export function parseConfig(text: string, opts: ParseOptions): Config {
  const read = opts.readFile ?? readUtf8;
  const file = basename(opts.file) === opts.file ? opts.file : opts.file;
  const data = plainData(text, file);
  const { value, missing, filled } = interpolateEnv(data, opts.env ?? {});
  const schema = schemaFor(read, opts.dir);
  const keys = knownKeysCollector();
  const parsed = schema.safeParse(value, { reportInput: true, error: keys.error });
  if (missing.length || !parsed.success) {
    const { doc, lines } = positioned(text);
    const issues: ConfigIssue[] = missing.map((m) => ({
      ...position(doc, lines, m.path),
      file,
      path: formatPath(m.path),
      expected: `environment variable ${m.name} to be set`,
      problem: `environment variable ${m.name} is not set`,
    }));
    // A field whose variable is missing gets that one line, not a second about the empty value.
    const unset = new Set(missing.map((m) => m.path.join('\u0000')));
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        if (!unset.has(i.path.map(String).join('\u0000'))) issues.push(...toIssues(i, doc, lines, file, (path) => asWritten(data, path, filled), keys.knownAt));
      }
    }
    throw new ConfigError(dedupe(issues));
  }
  return normalize(parsed.data, resolve(opts.dir, basename(opts.file)));
}

function positioned(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

/** The YAML's plain values (a large file's in pieces, `yaml-pieces.ts`); its document (nodes, positions) is garbage once this returns. */
function plainData(text: string, file: string): unknown {
  const pieces = plainInPieces(text);
  if (pieces !== undefined) return pieces;
  const { doc, lines } = positioned(text);
  if (doc.errors.length) {
    throw new ConfigError(doc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, path: '', expected: `valid YAML (${e.message.split('\n')[0]})` };
    }));
  }
  return doc.toJS() ?? {};
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * The schema, with its file readers made here rather than in `parseConfig`:
 * the schema outlives the parse, and a closure made there would keep the
 * parse's whole context alive with it (the YAML document and the text, about
 * 70 MiB for 10,000 endpoints).
 */
function schemaFor(read: (path: string) => string, dir: string): ReturnType<typeof rootSchema> {
  const resolvePath = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  return rootSchema({ readSecretFile: (p) => read(resolvePath(p)), resolvePath });
}

type Written = (path: readonly (string | number)[]) => { value: unknown } | undefined;

function toIssues(i: z.core.$ZodIssue, doc: Document, lines: LineCounter, file: string, written: Written, knownAt: (path: readonly PropertyKey[]) => readonly string[]): ConfigIssue[] {
  const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  if (i.code === 'unrecognized_keys') {
    // One line per unknown key, each at its own position with its own suggestion.
    return i.keys.map((key) => {
      const keyPath = [...path, key];
      return { ...position(doc, lines, keyPath, true), file, path: formatPath(keyPath), expected: 'no such key', problem: unknownKeyProblem(key, knownAt(path)) };
    });
  }
  // Where `${env:…}` was expanded, the value as written: the expansion may be a secret.
  const shown = written(path);
  const got = 'input' in i ? renderValue(shown ? shown.value : i.input, isSecretPath(path)) : undefined;
  return [{ ...position(doc, lines, path), file, path: formatPath(path), ...(got !== undefined ? { got } : {}), expected: ruleOf(i) }];
}

const TYPE_NAMES: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'a string', number: 'a number', boolean: 'true or false', int: 'an integer' };

function ruleOf(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.message.startsWith('Invalid input') ? TYPE_NAMES[i.expected] ?? `a ${i.expected}` : i.message;
    case 'invalid_value':
      return i.message.startsWith('Invalid') ? `one of ${i.values.map((v) => String(v)).join(', ')}` : i.message;
    case 'too_small':
      return i.message.startsWith('Too small') ? `${i.origin === 'array' ? 'at least' : i.inclusive === false ? '>' : '>='} ${String(i.minimum)}${i.origin === 'array' ? ' items' : ''}` : i.message;
    case 'too_big':
      return i.message.startsWith('Too big') ? `${i.origin === 'array' ? 'at most' : i.inclusive === false ? '<' : '<='} ${String(i.maximum)}${i.origin === 'array' ? ' items' : ''}` : i.message;
    case 'invalid_format':
      return i.message.startsWith('Invalid') ? `a valid ${i.format}` : i.message;
    case 'invalid_union':
      return i.message === 'Invalid input' ? 'a value of one of the allowed forms' : i.message;
    default:
      return i.message;
  }
}

/** Line and column of the node at `path`, or of its closest existing parent. */
function position(doc: Document, lines: LineCounter, path: (string | number)[], keyOfPair = false): { line?: number; column?: number } {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    if (keyOfPair && n === path.length && n > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === sub[sub.length - 1]);
        const range = isScalar(pair?.key) ? pair?.key.range : undefined;
        if (range) return toPos(lines, range[0]);
      }
      continue;
    }
    const node = n === 0 ? doc.contents : doc.getIn(sub, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return toPos(lines, range[0]);
  }
  return {};
}

function toPos(lines: LineCounter, offset: number): { line: number; column: number } {
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.line}:${i.column}:${i.path}:${i.expected}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
