/**
 * Follows one path the way `tail -F` does, by polling (inotify is
 * unreliable on network and container mounts):
 * - rename-and-create: the old file is drained to its end, then the new
 *   one is read from 0;
 * - copytruncate: size below our position on the same inode (or changed
 *   first bytes) restarts at 0 and is counted;
 * - a missing file is waited for; a partial last line waits for its newline.
 * `offset` only ever points just after a complete line, so it can be
 * checkpointed together with the metrics those lines produced.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { SourcePosition } from '../state/checkpoint.js';
import { fingerprintOf, findRenamed, FINGERPRINT_BYTES, type Fingerprint } from './identity.js';
import { LineSplitter, type LineSink } from './lines.js';

export interface TailHooks {
  /** The file we followed was replaced; `old` is where we left it (at its end). */
  rotated(old: SourcePosition): void;
  truncated(): void;
}

const CHUNK = 1 << 20;
/** Bytes read per poll before yielding, so scrapes and checkpoints interleave. */
const BUDGET = 8 * CHUNK;

export class FileTail {
  private fh: FileHandle | null = null;
  private dev = 0;
  private ino = 0;
  private readPos = 0;
  private offset = 0;
  private fp: Fingerprint = { fp: '', fpLen: 0 };
  private readonly splitter: LineSplitter;
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  /** Size of the file at `path` at the last look (for lag). */
  size = 0;

  constructor(
    readonly path: string,
    sink: LineSink,
    maxLineBytes: number,
    private readonly hooks: TailHooks,
    private resume: SourcePosition | undefined,
  ) {
    this.splitter = new LineSplitter(maxLineBytes, sink);
  }

  /** Where the counted lines end, or null before the file was first opened. */
  position(): SourcePosition | null {
    if (!this.fh) return this.resume ?? null;
    return { path: this.path, dev: this.dev, ino: this.ino, offset: this.offset, ...this.fp };
  }

  /** Identity of the open file, `dev:ino`. */
  identity(): string | null {
    return this.fh ? `${this.dev}:${this.ino}` : null;
  }

  /** Reads what is new. Returns true when it stopped on its budget (more to read). */
  async poll(follow = true): Promise<boolean> {
    if (!this.fh && !(await this.openInitial())) return false;
    if (await this.readSome()) return true;
    if (follow) await this.checkPath();
    return false;
  }

  /** Counts a held partial last line as complete (--once: the file is done). */
  finish(): void {
    if (this.splitter.heldBytes > 0) this.offset += this.splitter.push(Buffer.from('\n')) - 1;
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close().catch(() => undefined);
  }

  private async openInitial(): Promise<boolean> {
    // `resume` stays set until a file is open, so a checkpoint taken
    // meanwhile still carries the saved position.
    const r = this.resume;
    let ok = false;
    if (r) {
      // Resume the very file we were reading, even if it was renamed meanwhile.
      ok = await this.tryOpen(this.path, r);
      if (!ok) {
        const moved = await findRenamed(this.path, r.dev, r.ino, r);
        if (moved) ok = await this.tryOpen(moved, r);
      }
    }
    if (!ok) ok = await this.openAt(this.path, 0);
    if (ok) this.resume = undefined;
    return ok;
  }

  private async tryOpen(path: string, r: SourcePosition): Promise<boolean> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch {
      return false;
    }
    const s = await fh.stat();
    const fp = await fingerprintOf(fh, s.size, Math.min(r.fpLen, s.size));
    if (s.dev !== r.dev || s.ino !== r.ino || fp.fp !== r.fp || fp.fpLen !== r.fpLen) {
      await fh.close();
      return false;
    }
    const full = await fingerprintOf(fh, s.size);
    if (s.size < r.offset) {
      // Same file, shorter than what we counted: truncated while we were down.
      this.hooks.truncated();
      this.adopt(fh, s.dev, s.ino, 0, s.size, full);
    } else this.adopt(fh, s.dev, s.ino, r.offset, s.size, full);
    return true;
  }

  private async openAt(path: string, offset: number): Promise<boolean> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch {
      return false; // missing (or unreadable): waited for on the next poll
    }
    const s = await fh.stat();
    if (!s.isFile()) {
      // A folder or a device where a log should be: not ours to read (the CLI reports it at start).
      await fh.close();
      return false;
    }
    this.adopt(fh, s.dev, s.ino, offset, s.size, await fingerprintOf(fh, s.size));
    return true;
  }

  /**
   * Switches to a file in one synchronous step: a checkpoint must never
   * pair one file's inode with another file's fingerprint (a restart would
   * not recognise the file and read it again from 0).
   */
  private adopt(fh: FileHandle, dev: number, ino: number, offset: number, size: number, fp: Fingerprint): void {
    this.fh = fh;
    this.fp = fp;
    this.dev = dev;
    this.ino = ino;
    this.readPos = this.offset = offset;
    this.size = size;
    this.splitter.reset();
  }

  private async readSome(): Promise<boolean> {
    const fh = this.fh as FileHandle;
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(this.buf, 0, CHUNK, this.readPos);
      if (bytesRead === 0) break;
      this.readPos += bytesRead;
      // Splitting and counting happen synchronously with the offset update,
      // so a checkpoint never sees lines counted without their offset.
      this.offset += this.splitter.push(this.buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total >= BUDGET) return true;
    }
    if (this.fp.fpLen < FINGERPRINT_BYTES && this.readPos > this.fp.fpLen) this.fp = await fingerprintOf(fh, this.readPos);
    return false;
  }

  /** At the end of the open file: has the path moved on (rotation) or shrunk (truncation)? */
  private async checkPath(): Promise<void> {
    let s;
    try {
      s = await stat(this.path);
    } catch {
      return; // renamed away, new file not created yet: keep the old one open
    }
    this.size = s.size;
    if (s.dev !== this.dev || s.ino !== this.ino) {
      // Drained to its end just now; a partial last line will never complete.
      const held = this.splitter.heldBytes;
      if (held > 0) this.offset += this.splitter.push(Buffer.from('\n')) - 1;
      const old = this.position() as SourcePosition;
      await this.close();
      this.hooks.rotated(old);
      await this.openAt(this.path, 0);
      await this.readSome();
      return;
    }
    if (s.size < this.readPos || (await this.headChanged(s.size))) {
      const fp = await fingerprintOf(this.fh as FileHandle, s.size);
      this.hooks.truncated();
      this.readPos = this.offset = 0;
      this.fp = fp;
      this.splitter.reset();
    }
  }

  private async headChanged(size: number): Promise<boolean> {
    if (this.fp.fpLen === 0 || size < this.fp.fpLen) return false;
    const now = await fingerprintOf(this.fh as FileHandle, size, this.fp.fpLen);
    return now.fp !== this.fp.fp;
  }
}
