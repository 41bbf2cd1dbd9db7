/**
 * One byte range of a file at rest, read into a line sink: what a worker
 * thread of the parallel `--once` counts. Ranges start at a line start (see
 * lineStartBefore), so splitting a file into ranges splits no line, and
 * each range's lines reach the sink exactly as a FileTail would pass them.
 * Reads are synchronous (a worker has nothing else to do meanwhile) into
 * one reused buffer, so memory does not grow with the range.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LineSplitter, type LineSink } from './lines.js';

const CHUNK = 1 << 20;
const SCAN = 64 << 10;

/** Reads `[start, end)` of `path` (end null: to the end of the file); `finish` counts a last line without its newline. Returns bytes consumed. */
export function readRange(path: string, start: number, end: number | null, sink: LineSink, maxLineBytes: number, finish: boolean, buf = Buffer.allocUnsafe(CHUNK)): number {
  const fd = openSync(path, 'r');
  try {
    const splitter = new LineSplitter(maxLineBytes, sink);
    let pos = start;
    let consumed = 0;
    for (;;) {
      const want = end === null ? buf.length : Math.min(buf.length, end - pos);
      if (want <= 0) break;
      const n = readSync(fd, buf, 0, want, pos);
      if (n === 0) break;
      pos += n;
      consumed += splitter.push(buf.subarray(0, n));
    }
    if (finish && splitter.heldBytes > 0) consumed += splitter.push(Buffer.from('\n')) - 1;
    return consumed;
  } finally {
    closeSync(fd);
  }
}

/** Where the line holding byte `at - 1` ends: the index after the last newline before `at` (0 when none). */
export function lineStartBefore(fd: number, at: number, buf = Buffer.allocUnsafe(SCAN)): number {
  let hi = at;
  while (hi > 0) {
    const lo = Math.max(0, hi - buf.length);
    const n = readSync(fd, buf, 0, hi - lo, lo);
    const nl = buf.subarray(0, n).lastIndexOf(10);
    if (nl !== -1) return lo + nl + 1;
    hi = lo;
  }
  return 0;
}

/** Size of an open file. */
export function sizeOf(fd: number): number {
  return fstatSync(fd).size;
}
