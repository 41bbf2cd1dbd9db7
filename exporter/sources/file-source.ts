/**
 * A `type: file` source: one path, followed across rotations like
 * `tail -F` (file-tail.ts), or a glob, whose files are followed by
 * identity (glob-files.ts). Rotated-away identities are part of the
 * checkpoint, so a restart neither reads a file again nor skips one.
 */
import type { SourcePosition } from '../state/checkpoint.js';
import { isGlob } from './glob.js';
import { GlobFiles } from './glob-files.js';
import { FileTail, type TailHooks } from './file-tail.js';
import type { LineSink } from './lines.js';

/** How many rotated-away files a one-path source remembers. */
const MAX_RETIRED = 64;

/** One path: a single tail that follows the path. */
class PathFile {
  readonly tail: FileTail;
  private readonly retiredList: SourcePosition[];

  constructor(path: string, sink: LineSink, maxLineBytes: number, hooks: TailHooks, saved: SourcePosition | undefined, retired: readonly SourcePosition[]) {
    this.retiredList = [...retired];
    this.tail = new FileTail(path, sink, maxLineBytes, {
      ...hooks,
      rotated: (old) => {
        this.retiredList.push(old);
        if (this.retiredList.length > MAX_RETIRED) this.retiredList.shift();
        hooks.rotated(old);
      },
    }, saved);
  }

  tails(): FileTail[] {
    return [this.tail];
  }

  retired(): readonly SourcePosition[] {
    return this.retiredList;
  }

  positions(): Map<string, SourcePosition> {
    const pos = this.tail.position();
    return new Map(pos ? [[this.tail.path, pos]] : []);
  }

  poll(follow: boolean): Promise<boolean> {
    return this.tail.poll(follow);
  }

  close(): Promise<void> {
    return this.tail.close();
  }
}

export class FileSource {
  private readonly files: PathFile | GlobFiles;

  constructor(
    readonly name: string,
    readonly pattern: string,
    sink: LineSink,
    maxLineBytes: number,
    hooks: TailHooks,
    /** Saved positions, by the keys positions() gave them. */
    saved: ReadonlyMap<string, SourcePosition>,
    retired: readonly SourcePosition[] = [],
  ) {
    this.files = isGlob(pattern)
      ? new GlobFiles(pattern, sink, maxLineBytes, hooks, [...saved.values()], retired)
      // By key, or by the path inside (a position saved while the source was a glob).
      : new PathFile(pattern, sink, maxLineBytes, hooks, saved.get(pattern) ?? [...saved.values()].find((p) => p.path === pattern), retired);
  }

  /** Identities of files rotated away, for the checkpoint. */
  retired(): readonly SourcePosition[] {
    return this.files.retired();
  }

  /** Reads what is new in every file. Returns true when some file has more to read now. */
  poll(follow = true): Promise<boolean> {
    return this.files.poll(follow);
  }

  /** Positions to checkpoint, by a key unique within the source (the file path). */
  positions(): Map<string, SourcePosition> {
    return this.files.positions();
  }

  /** Total size and offset over the files (for the lag gauges). */
  lag(): { size: number; offset: number } {
    let size = 0;
    let offset = 0;
    for (const t of this.files.tails()) {
      size += t.size;
      offset += t.position()?.offset ?? 0;
    }
    return { size, offset };
  }

  /** The one file a single-path source follows (null for a glob). */
  singleTail(): FileTail | null {
    return this.files instanceof PathFile ? this.files.tail : null;
  }

  /** Counts held partial last lines as complete (--once). */
  finish(): void {
    for (const t of this.files.tails()) t.finish();
  }

  close(): Promise<void> {
    return this.files.close();
  }
}
