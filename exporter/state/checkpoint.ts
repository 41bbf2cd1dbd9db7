/**
 * The checkpoint: every source's position and the metric state produced up
 * to exactly that position, in one file written atomically (temp file,
 * fsync, rename, fsync of the folder). A crash leaves either the previous
 * or the new checkpoint, never a mix, so offsets and counters always agree.
 */
import { open, rename, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SerializedAggregates } from './aggregates.js';
import type { SerializedBatchKeys } from './batch-keys.js';

export const CHECKPOINT_FILE = 'checkpoint.json';

/** Where a file source stopped, and how to recognise the file again. */
export interface SourcePosition {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  /** Bytes consumed: always the end of a complete line. */
  readonly offset: number;
  /** Hex SHA-1 of the first `fpLen` bytes (guards against inode reuse). */
  readonly fp: string;
  readonly fpLen: number;
  /** Lines up to `offset`, for messages naming a line (absent in older checkpoints). */
  readonly lines?: number;
}

export interface Checkpoint {
  readonly version: 1;
  /** Unix seconds. */
  readonly writtenAt: number;
  /** Keyed by `<source name>\u0000<path>`. */
  readonly sources: Readonly<Record<string, SourcePosition>>;
  /** Per source name: files rotated away (so a glob does not read them again after a restart). */
  readonly retired?: Readonly<Record<string, readonly SourcePosition[]>>;
  /** Values admitted per guarded label. */
  readonly labels: Readonly<Record<string, readonly string[]>>;
  readonly state: SerializedAggregates;
  /** Per `http` source: the Idempotency-Keys applied in this state (absent in checkpoints before keys). */
  readonly ingest?: Readonly<Record<string, SerializedBatchKeys>>;
  /**
   * Attempt numbering of formats without an attempt number (Svix, Convoy):
   * `[event \u0000 endpoint, attempts seen]`, least recently seen first
   * (counting/attempts.ts). Absent in older checkpoints: numbering starts afresh.
   */
  readonly attempts?: readonly (readonly [string, number])[];
}

/** A checkpoint that exists but cannot be used; the daemon refuses to guess. */
export class CheckpointError extends Error {
  readonly code = 'HOOKWATCH_CHECKPOINT';
  override readonly name = 'CheckpointError';
}

/** Writes the checkpoint atomically. Resolves once it is durable. */
export async function writeCheckpoint(dir: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const final = join(dir, CHECKPOINT_FILE);
  const tmp = `${final}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, final);
  // The rename itself is only durable once the folder entry is flushed.
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}

/** Reads the checkpoint; null when there is none yet. */
export async function readCheckpoint(dir: string): Promise<Checkpoint | null> {
  const path = join(dir, CHECKPOINT_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CheckpointError(`${path}: unreadable (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let cp: Checkpoint;
  try {
    cp = JSON.parse(text) as Checkpoint;
  } catch {
    throw new CheckpointError(`${path}: not valid JSON; move it away to start counting from scratch`);
  }
  if (cp?.version !== 1 || typeof cp.sources !== 'object' || typeof cp.state !== 'object') {
    throw new CheckpointError(`${path}: got version ${String(cp?.version)}, expected a version 1 checkpoint`);
  }
  if (cp.ingest !== undefined && !validIngest(cp.ingest)) {
    throw new CheckpointError(`${path}: "ingest" is not a map of source names to [key, at, accepted, rejected, digest] lists; move it away to start counting from scratch`);
  }
  return cp;
}

function validIngest(ingest: unknown): boolean {
  if (typeof ingest !== 'object' || ingest === null || Array.isArray(ingest)) return false;
  return Object.values(ingest).every((keys) => Array.isArray(keys) && keys.every((e) => Array.isArray(e) && e.length === 5
    && typeof e[0] === 'string' && typeof e[4] === 'string' && [e[1], e[2], e[3]].every((n) => typeof n === 'number')));
}
