/**
 * Follows one log file by polling (inotify is unreliable on network and
 * container mounts). In `path` mode it follows a path the way `tail -F`
 * does; in `file` mode it follows one file wherever it is renamed (a glob
 * source follows the names and tells it where the file now is).
 * - rename-and-create (`path` mode): the old file is drained to its end,
 *   then the new one is read from 0;
 * - copytruncate: a size below what was read, or other first bytes, on the
 *   same file restarts at 0 and is counted. It is checked after every read
 *   and before the bytes read are counted, so a file truncated and refilled
 *   past our offset between two polls is never read from the old offset;
 * - a missing file is waited for; a partial last line waits for its newline.
 * `offset` only ever points just after a complete line, so it can be
 * checkpointed together with the metrics those lines produced.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { SourcePosition } from '../state/checkpoint.js';
import { findRotated, fingerprint, readHead, FINGERPRINT_BYTES, type Fingerprint } from './identity.js';
import { LineSplitter, type LineAt, type LineSink } from './lines.js';

export interface TailHooks {
  /** The file we followed was replaced; `old` is where we left it (at its end). */
  rotated(old: SourcePosition): void;
  truncated(): void;
  /** The path has no file (yet): told once, until it appears. */
  waiting?(path: string): void;
  /** A file waited for is there now. */
  appeared?(path: string): void;
}

/** `path`: follow a path across rotations (one path source); `file`: follow one file (a glob source). */
export type TailMode = 'path' | 'file';

const CHUNK = 1 << 20;
/** Bytes read per poll before yielding, so scrapes and checkpoints interleave (a glob source reads its files in turns of this many bytes: the parallel --once plan follows the same turns). */
export const BUDGET = 8 * CHUNK;
const EMPTY = Buffer.alloc(0);

export class FileTail {
  private fh: FileHandle | null = null;
  private dev = 0;
  private ino = 0;
  private readPos = 0;
  private offset = 0;
  /** The file's first bytes as we read them (up to FINGERPRINT_BYTES), and their hash. */
  private head: Buffer = EMPTY;
  private fp: Fingerprint = fingerprint(EMPTY);
  private readonly splitter: LineSplitter;
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  /** Size of the file at the last look (for lag). */
  size = 0;
  /** Lines counted before `cursor` (undefined: resumed without the count); where the current line starts. */
  private lines: number | undefined = 0;
  private cursor = 0;
  private lineStart = 0;
  private waitingTold = false;
  private readonly where = (): LineAt => ({ file: this.path, line: this.lines, offset: this.lineStart });

  constructor(
    public path: string,
    sink: LineSink,
    maxLineBytes: number,
    private readonly hooks: TailHooks,
    private resume: SourcePosition | undefined,
    private readonly mode: TailMode = 'path',
  ) {
    this.splitter = new LineSplitter(maxLineBytes, {
      line: (text, bytes) => { this.step(bytes); sink.line(text, bytes, this.where); },
      tooLong: (bytes) => { this.step(bytes); sink.tooLong(bytes, this.where); },
    });
  }

  /** Moves the line count past one line of `bytes`. */
  private step(bytes: number): void {
    this.lineStart = this.cursor;
    this.cursor += bytes;
    if (this.lines !== undefined) this.lines++;
  }

  /** Where the counted lines end, or null before the file was first opened. */
  position(): SourcePosition | null {
    if (!this.fh) return this.resume ?? null;
    return { path: this.path, dev: this.dev, ino: this.ino, offset: this.offset, ...this.fp, ...(this.lines === undefined ? {} : { lines: this.lines }) };
  }

  /** Identity of the open file, `dev:ino`. */
  identity(): string | null {
    return this.fh ? `${this.dev}:${this.ino}` : null;
  }

  /** Opens the file if not open yet. False when there is none (yet). */
  async open(): Promise<boolean> {
    return this.fh !== null || (await this.openInitial());
  }

  /** Reads what is new. Returns true when it stopped on its budget (more to read). */
  async poll(follow = true): Promise<boolean> {
    if (!(await this.open())) return false;
    if (await this.readSome()) return true;
    if (follow && this.mode === 'path') await this.checkPath();
    return false;
  }

  /**
   * What is left to read of the open file, for a parallel catch-up
   * (../run/catch-up.ts): the first line not counted yet starts at
   * `offset`; the next read would start at `readPos` (a partial line held
   * between them). Null before a file is open, or when the path no longer
   * names the open file (`path` mode: it was rotated while we were down).
   */
  async backlog(): Promise<{ readonly path: string; readonly offset: number; readonly readPos: number; readonly size: number } | null> {
    const fh = this.fh;
    if (!fh || !(await this.pathNamesOpenFile())) return null;
    this.size = (await fh.stat()).size;
    return { path: this.path, offset: this.offset, readPos: this.readPos, size: this.size };
  }

  /**
   * After other threads read `[offset, end)` by path: did they read the
   * file we count? The path still names it, it is at least `end` bytes
   * long, and its first bytes are still the ones seen. Returns the head
   * to keep (the first bytes up to `end`), or null.
   */
  async verifyRead(end: number): Promise<Buffer | null> {
    const fh = this.fh;
    if (!fh || !(await this.pathNamesOpenFile())) return null;
    if ((await fh.stat()).size < end) return null;
    const head = await readHead(fh, Math.min(end, FINGERPRINT_BYTES));
    return head.length >= this.head.length && head.subarray(0, this.head.length).equals(this.head) ? head : null;
  }

  /**
   * Moves past `lines` complete lines ending at `end` that were counted
   * elsewhere (a parallel catch-up merged them); `head` is verifyRead's.
   * Synchronous, so the counts and the offset move together.
   */
  skipCounted(end: number, lines: number, head: Buffer): void {
    this.splitter.reset();
    this.readPos = this.offset = this.cursor = this.lineStart = end;
    if (this.lines !== undefined) this.lines += lines;
    if (head.length > this.head.length) {
      this.head = head;
      this.fp = fingerprint(head);
    }
  }

  private async pathNamesOpenFile(): Promise<boolean> {
    try {
      const s = await stat(this.path);
      return s.dev === this.dev && s.ino === this.ino;
    } catch {
      return false;
    }
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
      if (!ok && this.mode === 'path') {
        const moved = await findRotated(this.path, r);
        if (moved) ok = await this.tryOpen(moved, r);
      }
    }
    if (!ok) ok = await this.openAt(this.path);
    if (ok) this.resume = undefined;
    // Told once per change: waiting while none is there, appeared when one is.
    if (ok === this.waitingTold) {
      this.waitingTold = !ok;
      if (ok) this.hooks.appeared?.(this.path);
      else this.hooks.waiting?.(this.path);
    }
    return ok;
  }

  /** Opens `path` if it is the saved file: at the saved offset, or at 0 if it was truncated (and maybe refilled). */
  private async tryOpen(path: string, r: SourcePosition): Promise<boolean> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch {
      return false;
    }
    const s = await fh.stat();
    if (s.dev !== r.dev || s.ino !== r.ino || !s.isFile()) {
      await fh.close();
      return false;
    }
    const known = fingerprint(await readHead(fh, Math.min(r.fpLen, s.size)));
    if (known.fp !== r.fp || known.fpLen !== r.fpLen || s.size < r.offset) {
      // Same file, shorter or with other first bytes: truncated (and maybe refilled) while we were down.
      this.hooks.truncated();
      this.adopt(fh, s.dev, s.ino, 0, s.size, EMPTY);
    } else this.adopt(fh, s.dev, s.ino, r.offset, s.size, await readHead(fh, Math.min(r.offset, FINGERPRINT_BYTES)), r.lines);
    return true;
  }

  private async openAt(path: string): Promise<boolean> {
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
    this.adopt(fh, s.dev, s.ino, 0, s.size, EMPTY);
    return true;
  }

  /**
   * Switches to a file in one synchronous step: a checkpoint must never
   * pair one file's inode with another file's fingerprint (a restart would
   * not recognise the file and read it again from 0).
   */
  private adopt(fh: FileHandle, dev: number, ino: number, offset: number, size: number, head: Buffer, lines = offset === 0 ? 0 : undefined): void {
    this.fh = fh;
    this.lines = lines;
    this.cursor = offset;
    this.head = head;
    this.fp = fingerprint(head);
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
      if (await this.truncatedSince(fh, bytesRead)) {
        // What was just read may be the new content at the old offset: dropped, read again from 0.
        this.hooks.truncated();
        this.adopt(fh, this.dev, this.ino, 0, this.size, EMPTY);
        continue;
      }
      if (bytesRead === 0) break;
      const chunk = this.buf.subarray(0, bytesRead);
      // Head, offset and counts change synchronously together, so a
      // checkpoint never sees lines counted without their offset.
      this.extendHead(chunk);
      this.readPos += bytesRead;
      this.offset += this.splitter.push(chunk);
      total += bytesRead;
      if (total >= BUDGET) return true;
    }
    return false;
  }

  /**
   * Was the open file truncated since our last look? Its size is below
   * what we have read (plus the `justRead` bytes), or its first bytes are
   * no longer the ones we read. Checked after a read, so the bytes just
   * read are known to come from the file we counted so far.
   */
  private async truncatedSince(fh: FileHandle, justRead: number): Promise<boolean> {
    const s = await fh.stat();
    this.size = s.size;
    if (s.size < this.readPos + justRead) return true;
    if (this.head.length === 0) return false;
    return !(await readHead(fh, this.head.length)).equals(this.head);
  }

  /** Grows the known head with the bytes of `chunk` (read at `readPos`) that fall in it. */
  private extendHead(chunk: Buffer): void {
    const have = this.head.length;
    if (have >= FINGERPRINT_BYTES || this.readPos > have) return;
    const add = chunk.subarray(have - this.readPos, FINGERPRINT_BYTES - this.readPos);
    if (add.length === 0) return;
    this.head = Buffer.concat([this.head, add]);
    this.fp = fingerprint(this.head);
  }

  /** At the end of the open file: has the path moved on to another file (rotation)? */
  private async checkPath(): Promise<void> {
    let s;
    try {
      s = await stat(this.path);
    } catch {
      return; // renamed away, new file not created yet: keep the old one open
    }
    if (s.dev === this.dev && s.ino === this.ino) return;
    // Drained to its end just now; a partial last line will never complete.
    this.finish();
    const old = this.position() as SourcePosition;
    await this.close();
    this.hooks.rotated(old);
    if (await this.openAt(this.path)) await this.readSome();
  }
}
