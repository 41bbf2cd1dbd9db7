/**
 * The daemon's catch-up on every core: when the file sources have at least
 * `exporter.parallel_catch_up_bytes` unread (at start, after a restart or a
 * kill -9, or when the daemon fell behind), the backlog is cut into the
 * pieces one thread would read in turns, worker threads count them into
 * partial states (./range-worker.ts, as for `export --once`), and each is
 * merged in order (../counting/merge.ts), the source's position moving
 * past it in the same synchronous step. So at every moment a checkpoint
 * can be taken (a scrape takes one), the counts are exactly those of the
 * lines before the positions, as on one thread, and `/metrics` keeps
 * serving only what a durable checkpoint holds: a kill -9 during the
 * catch-up resumes from the last checkpoint, never counting a line twice.
 *
 * The order is the single-threaded daemon's: each poll reads every source
 * in config order for up to BUDGET bytes from where its last read ended,
 * counting the lines whose newline falls in them; so piece j of each
 * source holds those lines of its j-th turn, and the pieces go source by
 * source within a turn. Applies when every source is a single file (a glob
 * takes turns between its files by arrival, an `http` or `stdin` source
 * counts whenever a request comes) of a format that carries its attempt
 * numbers (Svix and Convoy number attempts in log order).
 *
 * Bad lines are counted as on one thread (`exporter_parse_errors_total`),
 * not logged one by one: the "caught up" line gives their number. A piece
 * whose file changed under the workers (rotated, truncated) stops the
 * catch-up; the rest is read on one thread, which notices the change.
 */
import { availableParallelism } from 'node:os';
import { closeSync, openSync } from 'node:fs';
import type { FileSourceConfig } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import type { Engine } from '../counting/engine.js';
import type { EndpointRef } from '../counting/endpoints.js';
import { mergePartial } from '../counting/merge.js';
import type { PartialState } from '../counting/partial.js';
import { lineStartBefore } from '../sources/file-range.js';
import { BUDGET, type FileTail } from '../sources/file-tail.js';
import { WORKER_LIMITS } from './parallel.js';
import type { Done, Job, Piece } from './parallel-plan.js';
import { inPieceOrder } from './piece-pool.js';

export interface CatchUpTarget {
  readonly source: FileSourceConfig;
  readonly tail: FileTail;
}

export interface CatchUpOptions {
  readonly endpoints: readonly EndpointRef[];
  readonly maxLineBytes: number;
  /** Unread bytes in all from which it runs. */
  readonly minBytes: number;
  readonly log: Logger;
  /** Worker threads (default: the cores available; fewer than 2: it does not run). */
  readonly workers?: number;
  /** The worker entry (default ./range-worker.js beside this module; tests running the sources point it at dist/). */
  readonly workerUrl?: URL;
  /**
   * Largest piece (default: the backlog / (4 × workers), one turn to 32 MiB): a turn is cut into pieces no larger, and
   * consecutive pieces of one source with no other source's between them
   * (all of them, with one source) are joined up to it; either way the
   * lines merge in the same order.
   */
  readonly pieceBytes?: number;
  /** Checked between pieces: true stops the catch-up (the daemon is stopping). */
  readonly stopped?: () => boolean;
}

/** Fewer, larger pieces cost less to start, send and merge; about four per worker keep the cores busy to the end. */
const MAX_PIECE = 32 << 20;

interface Backlog {
  readonly path: string;
  readonly offset: number;
  readonly readPos: number;
  readonly size: number;
}

/** Counts the targets' backlogs on worker threads; false when it did not apply (too little unread, one core, a file it cannot vouch for). */
export async function catchUp(engine: Engine, targets: readonly CatchUpTarget[], o: CatchUpOptions): Promise<boolean> {
  const workers = o.workers ?? availableParallelism();
  if (workers < 2) return false;
  const backlogs: (Backlog | null)[] = [];
  for (const t of targets) {
    // A source without a file has nothing in any turn.
    if (!(await t.tail.open())) backlogs.push(null);
    else {
      const b = await t.tail.backlog();
      // Rotated while we were down: one thread drains the old file, then follows the path.
      if (!b) return false;
      backlogs.push(b);
    }
  }
  const unread = backlogs.reduce((n, b) => n + (b ? b.size - b.offset : 0), 0);
  if (unread < o.minBytes) return false;
  const pieces = plan(backlogs, o.pieceBytes ?? Math.min(MAX_PIECE, Math.max(BUDGET, Math.ceil(unread / (4 * workers)))));
  if (pieces.length === 0) return false;

  const started = Date.now();
  const job: Job = { endpoints: o.endpoints, maxLineBytes: o.maxLineBytes, sources: targets.map((t) => t.source) };
  const threads = Math.min(workers, pieces.length);
  let lines = 0;
  let bytes = 0;
  let bad = 0;
  try {
    const answers = inPieceOrder<Piece, Done>(pieces, {
      workers: threads, url: o.workerUrl ?? new URL('./range-worker.js', import.meta.url), workerData: job, what: 'catch-up', resourceLimits: WORKER_LIMITS,
    });
    for await (const d of answers) {
      if (o.stopped?.()) break;
      const p = pieces[d.id] as Piece;
      const t = targets[p.source] as CatchUpTarget;
      const end = p.end as number;
      const head = d.consumed === end - p.start ? await t.tail.verifyRead(end) : null;
      if (!head) {
        o.log.warn('parallel catch-up stopped: the file changed while it was read; the rest is read on one thread', { source: t.source.name, path: p.path });
        break;
      }
      // From here to skipCounted nothing awaits: counts and position move together.
      mergePartial(engine, d.partial);
      const n = total(d.partial, 'exporterLinesRead');
      t.tail.skipCounted(end, n, head);
      lines += n;
      bytes += end - p.start;
      bad += total(d.partial, 'exporterParseErrors');
    }
  } catch (err) {
    // Out of heap (very many distinct label values in a piece) or a failed worker: what was merged stays, one thread reads the rest.
    o.log.warn('parallel catch-up stopped; the rest is read on one thread', { error: (err as NodeJS.ErrnoException).code ?? err });
  }
  if (lines > 0) o.log.info('caught up on worker threads', { lines, bytes, threads, bad_lines: bad, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return lines > 0;
}

/** A self-metric of the part's one source, summed over its series (lines read, parse errors by reason). */
function total(p: PartialState, key: 'exporterLinesRead' | 'exporterParseErrors'): number {
  return (p.state.scalars[key] ?? []).reduce((n, [, v]) => n + v, 0);
}

/** The pieces one thread's polls would read, turn by turn, source by source within a turn. */
function plan(backlogs: readonly (Backlog | null)[], pieceBytes: number): Piece[] {
  const perSource = backlogs.map((b, source) => (b ? turnsOf(source, b, pieceBytes) : []));
  const out: Piece[] = [];
  for (let j = 0; perSource.some((ps) => j < ps.length); j++) {
    for (const ps of perSource) {
      for (const p of ps[j] ?? []) {
        const last = out.at(-1);
        if (last && last.source === p.source && last.end === p.start && (p.end as number) - last.start <= pieceBytes) out[out.length - 1] = { ...last, end: p.end };
        else out.push(p);
      }
    }
  }
  return out;
}

/**
 * Turn j of a file reads bytes [readPos + j·BUDGET, readPos + (j+1)·BUDGET)
 * and counts the lines whose newline is in them (a partial line held
 * before `readPos` included); the last turn ends at the last complete
 * line. Each turn is cut into pieces of at most `pieceBytes` at line
 * starts; an empty turn (inside one long line) stays, so turns stay
 * aligned across sources.
 */
function turnsOf(source: number, b: Backlog, pieceBytes: number): Piece[][] {
  const fd = openSync(b.path, 'r');
  try {
    const complete = lineStartBefore(fd, b.size);
    const out: Piece[][] = [];
    let start = b.offset;
    for (let j = 0; start < complete; j++) {
      const end = lineStartBefore(fd, Math.min(b.readPos + (j + 1) * BUDGET, b.size));
      const turn: Piece[] = [];
      for (let at = start + Math.min(pieceBytes, BUDGET); start < end; at += pieceBytes) {
        const cut = at >= end ? end : lineStartBefore(fd, at);
        if (cut <= start) continue;
        turn.push({ source, path: b.path, start, end: cut, finish: false });
        start = cut;
      }
      out.push(turn);
    }
    return out;
  } finally {
    closeSync(fd);
  }
}
