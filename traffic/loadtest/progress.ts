/**
 * Progress on stderr while a load test runs: a bar redrawn in place on a
 * terminal, one plain line every few seconds otherwise (a CI log or a pipe
 * must not fill up with carriage returns).
 */

/** The live counters the reporter shows. */
export interface ProgressSnapshot {
  readonly elapsedSeconds: number;
  readonly durationSeconds: number;
  readonly planned: number;
  readonly sent: number;
  readonly dropped: number;
  readonly inFlight: number;
  /** Sends that ended in an error or a non-2xx status. */
  readonly failed: number;
}

/** The part of a stream the reporter needs (process.stderr fits). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** Terminal width; 0 or absent (no window size, as under `script`) means 80. */
  readonly columns?: number;
}

export interface ProgressOptions {
  readonly stream: ProgressStream;
  readonly snapshot: () => ProgressSnapshot;
  /** Repeats `fn` every `ms`; returns a cancel function. Injected for tests. */
  readonly every?: (ms: number, fn: () => void) => () => void;
  /** Seconds between plain lines when the stream is not a terminal. */
  readonly lineEverySeconds?: number;
}

const BAR_REDRAW_MS = 100;

const counters = (s: ProgressSnapshot): string =>
  `sent ${s.sent}/${s.planned}  in-flight ${s.inFlight}  dropped ${s.dropped}  failed ${s.failed}  ${s.elapsedSeconds.toFixed(1)}s/${s.durationSeconds}s`;

/** `[#####.....]  50%  sent …`, at most `width` characters. */
export function renderBar(s: ProgressSnapshot, width: number): string {
  const done = s.planned === 0 ? 1 : Math.min(1, (s.sent + s.dropped) / s.planned);
  const tail = `${String(Math.floor(done * 100)).padStart(3)}%  ${counters(s)}`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 4));
  const filled = Math.round(done * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${tail}`.slice(0, Math.max(width, 20));
}

/** One plain progress line for logs. */
export function renderLine(s: ProgressSnapshot): string {
  return `loadtest: ${counters(s)}`;
}

const defaultEvery = (ms: number, fn: () => void): (() => void) => {
  const t = setInterval(fn, ms);
  t.unref();
  return () => clearInterval(t);
};

/** Starts reporting; `stop()` draws the final state and ends the line. */
export function startProgress(o: ProgressOptions): { stop(): void } {
  const every = o.every ?? defaultEvery;
  const tty = o.stream.isTTY === true;
  const draw = (): void => {
    const s = o.snapshot();
    // \r and "erase to end of line" redraw in place without scrolling.
    if (tty) o.stream.write(`\r${renderBar(s, (o.stream.columns || 80) - 1)}\x1b[K`);
    else o.stream.write(`${renderLine(s)}\n`);
  };
  const cancel = every(tty ? BAR_REDRAW_MS : (o.lineEverySeconds ?? 5) * 1000, draw);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      cancel();
      draw();
      if (tty) o.stream.write('\n');
    },
  };
}
