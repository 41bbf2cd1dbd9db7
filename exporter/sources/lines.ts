/**
 * Splits a byte stream into lines. A partial last line is held until its
 * newline arrives; a line longer than `maxLineBytes` is dropped (reported
 * once, when its newline arrives) without ever being held whole.
 */

/** Where a line is in its file, for messages about it. */
export interface LineAt {
  readonly file: string;
  /** 1-based; undefined when not known (resumed from a checkpoint that did not keep the count). */
  readonly line: number | undefined;
  /** Byte offset of the line's start. */
  readonly offset: number;
}

/**
 * Receives complete lines. `bytes` includes the newline. File sources pass
 * `where`, valid during the call, to say where the line is (called only
 * for a line worth a message, so the hot path allocates nothing).
 */
export interface LineSink {
  line(text: string, bytes: number, where?: () => LineAt): void;
  tooLong(bytes: number, where?: () => LineAt): void;
}

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingLen = 0;
  /** Bytes of an over-long line seen so far (its content is discarded). */
  private skipped = 0;
  private skipping = false;

  constructor(private readonly maxLineBytes: number, private readonly sink: LineSink) {}

  /** Bytes held for a line whose newline has not arrived yet. */
  get heldBytes(): number {
    return this.skipping ? this.skipped : this.pendingLen;
  }

  /** Forgets a held partial line (the file it came from was truncated or replaced). */
  reset(): void {
    this.pending = [];
    this.pendingLen = 0;
    this.skipped = 0;
    this.skipping = false;
  }

  /** Feeds bytes; returns how many bytes of complete lines (newlines included) were consumed. */
  push(chunk: Buffer): number {
    let consumed = 0;
    let pos = 0;
    const n = chunk.length;
    while (pos < n) {
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) {
        this.hold(chunk, pos, n);
        break;
      }
      const bytes = nl + 1 - pos;
      if (this.skipping) {
        const total = this.skipped + bytes;
        this.reset();
        this.sink.tooLong(total);
        consumed += total;
      } else if (this.pendingLen > 0) {
        const total = this.pendingLen + bytes;
        if (total - 1 > this.maxLineBytes) this.sink.tooLong(total);
        else this.sink.line(decode(Buffer.concat([...this.pending, chunk.subarray(pos, nl)])), total);
        this.reset();
        consumed += total;
      } else {
        if (bytes - 1 > this.maxLineBytes) this.sink.tooLong(bytes);
        else this.sink.line(decodeRange(chunk, pos, nl), bytes);
        consumed += bytes;
      }
      pos = nl + 1;
    }
    return consumed;
  }

  private hold(chunk: Buffer, from: number, to: number): void {
    const len = to - from;
    if (this.skipping) {
      this.skipped += len;
      return;
    }
    if (this.pendingLen + len > this.maxLineBytes) {
      // Too long already: stop holding it, just count its bytes.
      this.skipping = true;
      this.skipped = this.pendingLen + len;
      this.pending = [];
      this.pendingLen = 0;
      return;
    }
    // Copy: the read buffer is reused by the caller.
    this.pending.push(Buffer.from(chunk.subarray(from, to)));
    this.pendingLen += len;
  }
}

function decodeRange(b: Buffer, start: number, end: number): string {
  if (end > start && b[end - 1] === 13) end--;
  return b.toString('utf8', start, end);
}

function decode(b: Buffer): string {
  return decodeRange(b, 0, b.length);
}
