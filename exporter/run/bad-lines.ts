/**
 * The daemon's log lines about skipped input: each bad line with its
 * source, file, line number, byte offset and reason (never its content,
 * which may hold a secret), at most `lines` per `intervalSeconds` per
 * source; past that, one "suppressed" line with the count when the
 * interval ends, so a flood of bad input cannot fill the disk. Every bad
 * line is still counted in the catalog's parse-errors counter (`METRICS.exporterParseErrors`).
 */
import type { ParseErrorReason } from '../../catalog/index.js';
import { EXPORTER_DEFAULTS } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import type { LineAt } from '../sources/lines.js';

export interface BadLineLogOptions {
  readonly lines?: number;
  readonly intervalSeconds?: number;
  /** Unix seconds (injected for tests). */
  readonly now?: () => number;
}

interface Window {
  start: number;
  logged: number;
  suppressed: number;
}

export class BadLineLog {
  private readonly windows = new Map<string, Window>();
  private readonly lines: number;
  private readonly interval: number;
  private readonly now: () => number;

  constructor(private readonly log: Logger, o: BadLineLogOptions = {}) {
    this.lines = o.lines ?? EXPORTER_DEFAULTS.badLineLog.lines;
    this.interval = o.intervalSeconds ?? EXPORTER_DEFAULTS.badLineLog.interval.seconds;
    this.now = o.now ?? (() => Date.now() / 1000);
  }

  /** One skipped line (the engine's bad-line hook). */
  readonly report = (source: string, reason: ParseErrorReason, at: LineAt | undefined): void => {
    const now = this.now();
    let w = this.windows.get(source);
    if (w && now - w.start >= this.interval) w = this.close(source, w);
    if (!w) this.windows.set(source, (w = { start: now, logged: 0, suppressed: 0 }));
    if (w.logged < this.lines) {
      w.logged++;
      const where = at ? { file: at.file, ...(at.line === undefined ? {} : { line: at.line }), offset: at.offset } : {};
      this.log.warn('skipped a bad line', { source, ...where, reason });
    } else w.suppressed++;
  };

  /** Ends the intervals that are over (called on every poll): one summary line per source that suppressed any. */
  tick(): void {
    const now = this.now();
    for (const [source, w] of [...this.windows]) if (now - w.start >= this.interval) this.close(source, w);
  }

  private close(source: string, w: Window): undefined {
    if (w.suppressed > 0) this.log.warn('suppressed bad-line messages', { source, lines: w.suppressed, seconds: this.interval });
    this.windows.delete(source);
    return undefined;
  }
}
