/**
 * The `stdin` source: lines from a pipe. A pipe cannot be re-read, so its
 * position is not checkpointed (the counts it produced are). A last line
 * without a newline is counted when the pipe closes.
 */
import type { Readable } from 'node:stream';
import { LineSplitter, type LineSink } from './lines.js';

/** Reads the stream to its end; resolves when it closes. */
export async function readStream(stream: Readable, sink: LineSink, maxLineBytes: number): Promise<void> {
  const splitter = new LineSplitter(maxLineBytes, sink);
  for await (const chunk of stream) {
    splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  if (splitter.heldBytes > 0) splitter.push(Buffer.from('\n'));
}
