/**
 * Recognising a file again: device and inode, plus a hash of its first
 * bytes because inodes are reused after a delete (Vector issue 23076).
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { readdir, stat, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SourcePosition } from '../state/checkpoint.js';

/** How many leading bytes identify a file. */
export const FINGERPRINT_BYTES = 256;

export interface Fingerprint {
  readonly fp: string;
  readonly fpLen: number;
}

/** The first `len` bytes (fewer if the file is shorter) of an open file. */
export async function readHead(fh: FileHandle, len: number): Promise<Buffer> {
  if (len <= 0) return Buffer.alloc(0);
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, 0);
  return buf.subarray(0, bytesRead);
}

export function fingerprint(head: Buffer): Fingerprint {
  return { fp: createHash('sha1').update(head).digest('hex'), fpLen: head.length };
}

/** Hashes the first `len` bytes (at most FINGERPRINT_BYTES) of an open file. */
export async function fingerprintOf(fh: FileHandle, size: number, len = Math.min(size, FINGERPRINT_BYTES)): Promise<Fingerprint> {
  return fingerprint(await readHead(fh, len));
}

/** True when the file at `path` starts with the bytes `known` fingerprints. */
export async function sameHead(path: string, known: Fingerprint): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const now = await fingerprintOf(fh, known.fpLen);
    return now.fp === known.fp && now.fpLen === known.fpLen;
  } finally {
    await fh.close();
  }
}

/** Compressed rotations (`log.2.gz`) are never the file we were reading. */
const COMPRESSED = /\.(gz|bz2|xz|zst|lz4|z|zip)$/i;

/** `log.1`, `log-20261201`, `deliveries-1.jsonl` for `log` and `deliveries.jsonl`. */
export function rotatedName(base: string, name: string): boolean {
  const stem = base.split('.')[0] as string;
  return name !== base && name.startsWith(stem) && !COMPRESSED.test(name);
}

/**
 * Finds the file of a saved position among the siblings of `path`: after a
 * restart, a file rotated by rename while we were down is finished before
 * the new one is read. Same device and inode, and either the same first
 * bytes, or a rotated name of `path` (a file truncated and refilled before
 * its rename has other first bytes; the caller then reads it from 0).
 */
export async function findRotated(path: string, r: SourcePosition): Promise<string | null> {
  const dir = dirname(path);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    const p = join(dir, name);
    try {
      const s = await stat(p);
      if (s.dev !== r.dev || s.ino !== r.ino || !s.isFile() || p === path) continue;
      if (rotatedName(basename(path), name) || (await sameHead(p, r))) return p;
    } catch {
      // Vanished or unreadable sibling: not ours.
    }
  }
  return null;
}
