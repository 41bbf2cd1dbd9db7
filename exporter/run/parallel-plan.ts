/**
 * The plan of a parallel `--once`: every file source cut into byte ranges
 * at line starts, listed in the order the single-threaded run counts
 * their lines, so merging the ranges' partial states in plan order equals
 * counting one line after the other (../counting/merge.ts):
 * - sources one after the other, in config order (runOnce drains each);
 * - a source with one file: consecutive ranges of about `pieceBytes`, the
 *   last one to the end of the file (a last line without its newline
 *   included);
 * - a glob matching several files: a FileTail reads each file in turns of
 *   BUDGET bytes, so the plan takes the same turns (the lines whose newline
 *   falls in bytes [k·BUDGET, (k+1)·BUDGET) of each file, file by file in
 *   glob order, for k = 0, 1, …), then the last lines without a newline,
 *   file by file (counted when the source finishes).
 */
import { closeSync, openSync, statSync } from 'node:fs';
import type { FileSourceConfig } from '../../config/index.js';
import type { EndpointRef } from '../counting/endpoints.js';
import type { PartialState } from '../counting/partial.js';
import { BUDGET } from '../sources/file-tail.js';
import { lineStartBefore, sizeOf } from '../sources/file-range.js';
import { expandGlob, isGlob } from '../sources/glob.js';

export interface Piece {
  /** Index of the source in the plan's source list. */
  readonly source: number;
  readonly path: string;
  readonly start: number;
  /** null: to the end of the file. */
  readonly end: number | null;
  /** Count a last line without its newline. */
  readonly finish: boolean;
}

/** What every range worker is started with. */
export interface Job {
  readonly endpoints: readonly EndpointRef[];
  readonly maxLineBytes: number;
  readonly sources: readonly FileSourceConfig[];
}

/** A worker's answer for piece `id`: its partial state and the bytes it consumed. */
export interface Done {
  readonly id: number;
  readonly partial: PartialState;
  readonly consumed: number;
}

interface FileCut {
  readonly path: string;
  readonly size: number;
  /** Where the last complete line ends. */
  readonly complete: number;
  readonly fd: number;
}

/** The files a file source reads, as a FileSource would adopt them at rest: glob order, one path per identity. */
async function filesOf(s: FileSourceConfig): Promise<string[]> {
  if (!isGlob(s.path)) return [s.path];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of await expandGlob(s.path)) {
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (!st.isFile() || seen.has(`${st.dev}:${st.ino}`)) continue;
    seen.add(`${st.dev}:${st.ino}`);
    out.push(p);
  }
  return out;
}

/** Total bytes of the sources' files now (to decide whether threads pay). */
export async function totalBytes(sources: readonly FileSourceConfig[]): Promise<number> {
  let n = 0;
  for (const s of sources) for (const p of await filesOf(s)) n += statSync(p, { throwIfNoEntry: false })?.size ?? 0;
  return n;
}

/** Cuts every source into pieces, in counting order. */
export async function planPieces(sources: readonly FileSourceConfig[], pieceBytes: number): Promise<Piece[]> {
  const pieces: Piece[] = [];
  for (let source = 0; source < sources.length; source++) {
    const cuts: FileCut[] = [];
    try {
      for (const path of await filesOf(sources[source] as FileSourceConfig)) {
        const fd = openSync(path, 'r');
        const size = sizeOf(fd);
        cuts.push({ path, size, complete: lineStartBefore(fd, size), fd });
      }
      if (cuts.length === 1) pieces.push(...single(source, cuts[0] as FileCut, pieceBytes));
      else pieces.push(...turns(source, cuts));
    } finally {
      for (const c of cuts) closeSync(c.fd);
    }
  }
  return pieces;
}

function single(source: number, f: FileCut, pieceBytes: number): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  for (let at = pieceBytes; at < f.complete; at += pieceBytes) {
    const cut = lineStartBefore(f.fd, at);
    if (cut <= start) continue;
    out.push({ source, path: f.path, start, end: cut, finish: false });
    start = cut;
  }
  out.push({ source, path: f.path, start, end: null, finish: true });
  return out;
}

function turns(source: number, files: readonly FileCut[]): Piece[] {
  const out: Piece[] = [];
  for (let k = 0; files.some((f) => k * BUDGET < f.complete); k++) {
    for (const f of files) {
      if (k * BUDGET >= f.complete) continue;
      const start = lineStartBefore(f.fd, k * BUDGET);
      const end = lineStartBefore(f.fd, Math.min((k + 1) * BUDGET, f.size));
      if (end > start) out.push({ source, path: f.path, start, end, finish: false });
    }
  }
  for (const f of files) out.push({ source, path: f.path, start: f.complete, end: null, finish: true });
  return out;
}
