/**
 * The `stdin` source: lines from a pipe. A pipe cannot be re-read, so its
 * position is not checkpointed (the counts it produced are). A last line
 * without a newline is counted when the pipe closes.
 */
import type { Readable } from 'node:stream';
import { LineSplitter, type LineAt, type LineSink } from './lines.js';

/** Reads the stream to its end; resolves when it closes. Lines are numbered from the stream's start (`file: "stdin"`). */
export async function readStream(stream: Readable, sink: LineSink, maxLineBytes: number): Promise<void> {
  let line = 0;
  let start = 0;
  let next = 0;
  const where = (): LineAt => ({ file: 'stdin', line, offset: start });
  const step = (bytes: number) => { line++; start = next; next += bytes; };
  const splitter = new LineSplitter(maxLineBytes, {
    line: (text, bytes) => { step(bytes); sink.line(text, bytes, where); },
    tooLong: (bytes) => { step(bytes); sink.tooLong(bytes, where); },
  });
  for await (const chunk of stream) {
    splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  if (splitter.heldBytes > 0) splitter.push(Buffer.from('\n'));
}
