/**
 * Recognising a file again: device and inode, plus a hash of its first
 * bytes because inodes are reused after a delete (Vector issue 23076).
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { readdir, stat, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** How many leading bytes identify a file. */
export const FINGERPRINT_BYTES = 256;

export interface Fingerprint {
  readonly fp: string;
  readonly fpLen: number;
}

/** Hashes the first `len` bytes (at most FINGERPRINT_BYTES) of an open file. */
export async function fingerprintOf(fh: FileHandle, size: number, len = Math.min(size, FINGERPRINT_BYTES)): Promise<Fingerprint> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = len > 0 ? await fh.read(buf, 0, len, 0) : { bytesRead: 0 };
  return { fp: createHash('sha1').update(buf.subarray(0, bytesRead)).digest('hex'), fpLen: bytesRead };
}

/**
 * Finds the file that had identity (dev, ino, fingerprint) among the
 * siblings of `path`: after a restart, a file rotated by rename while we
 * were down is drained from its saved offset before the new one is read.
 */
export async function findRenamed(path: string, dev: number, ino: number, fp: Fingerprint): Promise<string | null> {
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
      if (s.dev !== dev || s.ino !== ino || !s.isFile()) continue;
      const fh = await open(p, 'r');
      try {
        const now = await fingerprintOf(fh, s.size, Math.min(fp.fpLen, s.size));
        if (now.fp === fp.fp && now.fpLen === fp.fpLen) return p;
      } finally {
        await fh.close();
      }
    } catch {
      // Vanished or unreadable sibling: not ours.
    }
  }
  return null;
}
