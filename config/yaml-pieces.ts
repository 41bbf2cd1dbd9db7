/**
 * A large config's plain values, read piece by piece. The `yaml` package
 * holds the whole text's token tree (CST) while it builds the whole
 * document: at 10,000 endpoints about 125 MiB of tokens and 55 MiB of nodes
 * at once, the prober's largest peak before its first probe. Here the
 * top-level `endpoints:` block list is cut at its items' `- ` lines and read
 * a few hundred items at a time, each piece a verbatim run of the file's
 * lines, and the rest of the file with `endpoints: []` in the list's place.
 * Small pieces matter: a piece's tokens that live through a young-generation
 * collection are promoted, and old garbage piles up until a full one
 * (measured on the fleet benchmark's 10,000-endpoint config, peak RSS of
 * `parseConfig`: 291 MiB whole, 304 MiB in pieces of 2,000 items, 146 MiB
 * in pieces of 100).
 *
 * Only when that cannot differ from reading the whole text: the root a
 * block mapping, no directive or document marker, no tab indentation, the list ends at a column-0 line,
 * and every piece reads without an error or warning. A cut inside a
 * construct that spans lines (a quoted or flow value) leaves a piece
 * unterminated, an alias to an anchor in another piece is unresolved, and
 * either is an error, so the caller reads the whole text instead (and
 * reports its problems with their positions as before).
 */
import { parseDocument } from 'yaml';

/** Texts shorter than this are read whole. */
export const PIECES_FROM_BYTES = 256 * 1024;
/** List items per piece. */
const ITEMS_PER_PIECE = 100;

const LIST_KEY = /^endpoints:[ \t]*(?:#.*)?$/;

/** The text's plain values, or undefined when it must be read whole. */
export function plainInPieces(text: string, fromBytes = PIECES_FROM_BYTES): unknown {
  if (text.length < fromBytes || /^(?:%|---|\.\.\.)/m.test(text) || /^ *\t/m.test(text)) return undefined;
  const lines = text.split('\n');
  // The root is a block mapping: its first line with content is a key at column 0.
  const top = lines.find((l) => !isFiller(l));
  if (top === undefined || !/^[A-Za-z_][\w-]*:(?:[ \t]|\r?$)/.test(top)) return undefined;
  const keyAt = lines.findIndex((l) => LIST_KEY.test(stripCr(l)));
  if (keyAt < 0 || lines.findIndex((l, i) => i > keyAt && LIST_KEY.test(stripCr(l))) >= 0) return undefined;
  // The items' indentation, from the first line with content after the key.
  let first = keyAt + 1;
  while (first < lines.length && isFiller(lines[first] as string)) first++;
  const m = /^( *)-(?: |$)/.exec(stripCr(lines[first] ?? ''));
  if (!m) return undefined;
  const indent = (m[1] as string).length;
  const item = new RegExp(`^ {${indent}}-(?: |$)`);
  const starts: number[] = [];
  let end = lines.length;
  for (let i = first; i < lines.length; i++) {
    const l = stripCr(lines[i] as string);
    if (isFiller(l)) continue;
    if (item.test(l)) { starts.push(i); continue; }
    const own = /^ */.exec(l)![0].length;
    if (own > indent) continue;
    if (own > 0) return undefined;
    end = i;
    break;
  }
  const items: unknown[] = [];
  for (let p = 0; p < starts.length; p += ITEMS_PER_PIECE) {
    const to = p + ITEMS_PER_PIECE < starts.length ? (starts[p + ITEMS_PER_PIECE] as number) : end;
    // Under its key, as in the file: the items keep the context they were written in.
    const piece = readPiece(`${lines[keyAt] as string}\n${lines.slice(starts[p], to).join('\n')}\n`) as { endpoints?: unknown } | undefined;
    if (!piece || !Array.isArray(piece.endpoints) || Object.keys(piece).length !== 1) return undefined;
    for (const x of piece.endpoints as unknown[]) items.push(x);
  }
  const rest = readPiece([...lines.slice(0, keyAt), 'endpoints: []', ...lines.slice(end)].join('\n'));
  if (!rest || typeof rest !== 'object' || Array.isArray(rest)) return undefined;
  const list = (rest as Record<string, unknown>)['endpoints'];
  if (!Array.isArray(list) || list.length) return undefined;
  (rest as Record<string, unknown>)['endpoints'] = items;
  return rest;
}

/** A blank or comment-only line. */
function isFiller(l: string): boolean {
  return /^\s*(?:#.*)?\r?$/.test(l);
}

function stripCr(l: string): string {
  return l.endsWith('\r') ? l.slice(0, -1) : l;
}

/** One piece's plain values; undefined on any error or warning. */
function readPiece(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length || doc.warnings.length) return undefined;
  try {
    return doc.toJS();
  } catch {
    return undefined; // an alias to an anchor in another piece
  }
}
