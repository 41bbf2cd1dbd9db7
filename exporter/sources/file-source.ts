/**
 * A `type: file` source: one path or a glob, one FileTail per matching
 * file. New files matching the glob are discovered on every poll; a file
 * renamed onto another matching name keeps its tail (not re-read from 0,
 * the promtail bug of re-tailing rotated files that match the glob), also
 * after a restart: rotated-away identities are part of the checkpoint.
 */
import { open, stat } from 'node:fs/promises';
import { fingerprintOf, type Fingerprint } from './identity.js';
import type { SourcePosition } from '../state/checkpoint.js';
import { expandGlob, isGlob } from './glob.js';
import { FileTail, type TailHooks } from './file-tail.js';
import type { LineSink } from './lines.js';

/** How many rotated-away files a source remembers. */
const MAX_RETIRED = 64;

export class FileSource {
  private readonly tails = new Map<string, FileTail>();
  /** Every `dev:ino` a tail has held: a rotated file matching the glob is not read again. */
  private readonly seen = new Map<string, Fingerprint>();
  /** Files rotated away (kept in the checkpoint so a restart does not read them again). */
  private readonly retiredList: SourcePosition[];
  private readonly hooks: TailHooks;

  constructor(
    readonly name: string,
    readonly pattern: string,
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
    hooks: TailHooks,
    /** Saved positions, by file path. */
    private readonly saved: ReadonlyMap<string, SourcePosition>,
    retired: readonly SourcePosition[] = [],
  ) {
    this.retiredList = [...retired];
    for (const r of retired) this.seen.set(`${r.dev}:${r.ino}`, r);
    this.hooks = {
      truncated: () => hooks.truncated(),
      rotated: (old) => {
        this.seen.set(`${old.dev}:${old.ino}`, old);
        this.retiredList.push(old);
        // Bounded: only files rotated recently can still match the glob.
        if (this.retiredList.length > MAX_RETIRED) this.retiredList.shift();
        hooks.rotated(old);
      },
    };
  }

  /** Identities of files rotated away, for the checkpoint. */
  retired(): readonly SourcePosition[] {
    return this.retiredList;
  }

  /** Reads what is new in every file. Returns true when some file has more to read now. */
  async poll(follow = true): Promise<boolean> {
    await this.discover();
    let more = false;
    for (const t of this.tails.values()) if (await t.poll(follow)) more = true;
    return more;
  }

  /** Positions to checkpoint, by file path. */
  positions(): Map<string, SourcePosition> {
    const out = new Map<string, SourcePosition>();
    for (const [p, t] of this.tails) {
      const pos = t.position();
      if (pos) out.set(p, pos);
    }
    return out;
  }

  /** Total size and offset over the files (for the lag gauges). */
  lag(): { size: number; offset: number } {
    let size = 0;
    let offset = 0;
    for (const t of this.tails.values()) {
      size += t.size;
      offset += t.position()?.offset ?? 0;
    }
    return { size, offset };
  }

  /** Counts held partial last lines as complete (--once). */
  finish(): void {
    for (const t of this.tails.values()) t.finish();
  }

  async close(): Promise<void> {
    for (const t of this.tails.values()) await t.close();
  }

  private async discover(): Promise<void> {
    const paths = await expandGlob(this.pattern);
    if (!isGlob(this.pattern)) {
      if (!this.tails.has(this.pattern)) this.add(this.pattern);
      return;
    }
    for (const t of this.tails.values()) {
      const pos = t.identity() === null ? null : t.position();
      if (pos) this.seen.set(`${pos.dev}:${pos.ino}`, pos);
    }
    for (const p of paths) {
      if (this.tails.has(p)) continue;
      if (this.saved.has(p) || !(await this.alreadyRead(p))) this.add(p);
    }
  }

  /** True when `p` is a file a tail already read under another name (same inode and first bytes). */
  private async alreadyRead(p: string): Promise<boolean> {
    try {
      const s = await stat(p);
      if (!s.isFile()) return true;
      const known = this.seen.get(`${s.dev}:${s.ino}`);
      if (!known) return false;
      const fh = await open(p, 'r');
      try {
        const now = await fingerprintOf(fh, s.size, Math.min(known.fpLen, s.size));
        // An inode reused by a new file has other first bytes: that one is new.
        return now.fp === known.fp && now.fpLen === known.fpLen;
      } finally {
        await fh.close();
      }
    } catch {
      return true; // gone before we looked: nothing to read
    }
  }

  private add(path: string): void {
    this.tails.set(path, new FileTail(path, this.sink, this.maxLineBytes, this.hooks, this.saved.get(path)));
  }
}
