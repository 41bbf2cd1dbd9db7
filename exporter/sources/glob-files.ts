/**
 * The files of a glob source, followed by identity (device and inode)
 * rather than by name: a file renamed onto another matching name keeps its
 * tail and offset (not re-read from 0, the promtail bug of re-tailing
 * rotated files that match the glob), a file that leaves the glob is
 * drained and retired, a new identity is read from 0. At a restart every
 * saved and retired position is matched against every file under the glob
 * by identity and first bytes, wherever the file now lives, so renames
 * while the exporter was down neither re-read nor skip a file.
 */
import { stat } from 'node:fs/promises';
import type { SourcePosition } from '../state/checkpoint.js';
import { expandGlob } from './glob.js';
import { FileTail, type TailHooks } from './file-tail.js';
import { findRotated, sameHead } from './identity.js';
import type { LineSink } from './lines.js';

/** How many retired files a source remembers. */
const MAX_RETIRED = 64;

const idOf = (p: { dev: number; ino: number }) => `${p.dev}:${p.ino}`;

export class GlobFiles {
  /** Tails of files matching the glob, and of files that left it and are being drained. */
  private readonly active: FileTail[] = [];
  private readonly leaving = new Set<FileTail>();
  /** Saved and retired positions by identity, resumed if the file shows up under the glob. */
  private readonly known = new Map<string, SourcePosition>();
  /** Saved positions not matched to a file yet: checkpointed as they are until they are. */
  private readonly pending = new Map<string, SourcePosition>();
  private readonly retiredList: SourcePosition[];
  /** The file last seen at each path: a new file there is a rotation. */
  private readonly lastAt = new Map<string, SourcePosition>();
  private first = true;
  private waitingTold = false;
  /** A file's tail only reports rotations and truncations: waiting is told for the glob as a whole. */
  private readonly tailHooks: TailHooks = { rotated: (old) => this.hooks.rotated(old), truncated: () => this.hooks.truncated() };

  constructor(
    private readonly pattern: string,
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
    private readonly hooks: TailHooks,
    private readonly saved: readonly SourcePosition[],
    retired: readonly SourcePosition[],
  ) {
    this.retiredList = [...retired];
    for (const r of [...retired, ...saved]) this.known.set(idOf(r), r);
    for (const r of saved) this.pending.set(idOf(r), r);
    for (const s of saved) this.lastAt.set(s.path, s);
  }

  tails(): FileTail[] {
    return this.active;
  }

  retired(): readonly SourcePosition[] {
    return this.retiredList;
  }

  /**
   * Positions keyed by path and identity: a checkpoint can be taken while
   * a look is halfway through a rename, when two tails briefly carry the
   * same path (a key by path alone would drop one of them).
   */
  positions(): Map<string, SourcePosition> {
    const out = new Map<string, SourcePosition>();
    for (const pos of this.pending.values()) out.set(`${pos.path} (${idOf(pos)})`, pos);
    for (const t of this.active) {
      const pos = t.position();
      if (pos) out.set(`${pos.path} (${idOf(pos)})`, pos);
    }
    return out;
  }

  async poll(follow: boolean): Promise<boolean> {
    await this.discover();
    let more = false;
    for (const t of [...this.active]) {
      const busy = await t.poll(follow);
      if (busy) more = true;
      else if (this.leaving.has(t)) await this.retire(t);
    }
    return more;
  }

  async close(): Promise<void> {
    for (const t of this.active) await t.close();
  }

  private async discover(): Promise<void> {
    const held = new Map(this.active.map((t) => [t.identity(), t]));
    const alive = new Set<FileTail>();
    const listed = new Set(await expandGlob(this.pattern));
    for (const p of listed) {
      const s = await stat(p).catch(() => null);
      if (!s?.isFile()) continue;
      const id = idOf(s);
      const t = held.get(id) ?? (await this.adopt(p, id));
      if (!t) continue;
      held.set(id, t);
      t.path = p;
      alive.add(t);
      const pos = t.position();
      if (pos) this.lastAt.set(p, pos);
    }
    if (this.first) {
      this.first = false;
      await this.recoverMovedOut(alive);
    }
    // Told once per change, as a path source does: no file matches yet, then one does.
    if ((alive.size > 0) === this.waitingTold) {
      this.waitingTold = alive.size === 0;
      if (this.waitingTold) this.hooks.waiting?.(this.pattern);
      else this.hooks.appeared?.(this.pattern);
    }
    for (const t of this.active) if (!alive.has(t)) this.leaving.add(t);
    for (const t of alive) this.leaving.delete(t);
    for (const [p, pos] of this.lastAt) if (!listed.has(p) && !held.has(idOf(pos))) this.lastAt.delete(p);
  }

  /**
   * A tail for a file not held yet: resumed at its known position if its
   * first bytes still match, else read from 0: as a truncated file if it is
   * a saved one (the tail counts it), as a new file if it was retired (its
   * inode may well be reused by now).
   */
  private async adopt(p: string, id: string): Promise<FileTail | null> {
    const k = this.known.get(id);
    const resume = k && (this.pending.has(id) || (await sameHead(p, k).catch(() => false))) ? { ...k, path: p } : undefined;
    const t = await this.openTail(p, id, resume);
    // A rotation: a new file where another one was (a known file moving in is part of one counted already).
    const before = this.lastAt.get(p);
    if (t && !k && before && idOf(before) !== id) this.hooks.rotated(before);
    return t;
  }

  /** A tail on `p` if the file there (still) has identity `id`. */
  private async openTail(p: string, id: string, resume: SourcePosition | undefined): Promise<FileTail | null> {
    const t = new FileTail(p, this.sink, this.maxLineBytes, this.tailHooks, resume, 'file');
    if (!(await t.open()) || t.identity() !== id) {
      // Replaced between the listing and the open: the next look sees what is there now.
      await t.close();
      return null;
    }
    this.known.delete(id);
    this.pending.delete(id);
    this.active.push(t);
    return t;
  }

  /** At the first look: a saved file renamed out of the glob while we were down is drained from its offset. */
  private async recoverMovedOut(alive: Set<FileTail>): Promise<void> {
    const matched = new Set([...alive].map((t) => t.identity()));
    for (const s of this.saved) {
      if (matched.has(idOf(s))) continue;
      const p = await findRotated(this.pattern, s);
      // Not found: remembered as retired, in case it comes back.
      if (!p || !(await this.openTail(p, idOf(s), { ...s, path: p }))) this.remember(s);
    }
    this.pending.clear();
  }

  private async retire(t: FileTail): Promise<void> {
    // Remembered before the close: a checkpoint taken meanwhile must still know the file.
    const pos = t.position();
    if (pos) this.remember(pos);
    this.active.splice(this.active.indexOf(t), 1);
    this.leaving.delete(t);
    await t.close();
  }

  private remember(pos: SourcePosition): void {
    this.retiredList.push(pos);
    this.known.set(idOf(pos), pos);
    // Bounded: only files rotated recently can still come back under the glob.
    if (this.retiredList.length <= MAX_RETIRED) return;
    const gone = this.retiredList.shift() as SourcePosition;
    if (this.known.get(idOf(gone)) === gone) this.known.delete(idOf(gone));
  }
}
