/**
 * The `http` source: `POST <path>` with an NDJSON body. Each line is
 * counted on its own (a bad line is rejected, the rest of the batch is
 * accepted), and the answer is sent only once the checkpoint holding the
 * batch is durable, so a 200 means "counted and will survive a crash".
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Secret } from '../../config/index.js';
import { LineSplitter, type LineSink } from './lines.js';

export interface IngestOptions {
  readonly token?: Secret | undefined;
  readonly maxBodyBytes: number;
  readonly maxLineBytes: number;
  /** Counts one line; returns true when it became a record. */
  readonly line: (text: string, bytes: number) => boolean;
  readonly tooLong: (bytes: number) => void;
  /** Resolves once the counted lines are durable. */
  readonly flush: () => Promise<void>;
}

function authorized(req: IncomingMessage, token: Secret | undefined): boolean {
  if (!token) return true;
  const got = Buffer.from(req.headers.authorization ?? '');
  const want = Buffer.from(`Bearer ${token.reveal()}`);
  return got.length === want.length && timingSafeEqual(got, want);
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body)}\n`);
}

/** Handles one ingest request. */
export async function handleIngest(req: IncomingMessage, res: ServerResponse, o: IngestOptions): Promise<void> {
  if (req.method !== 'POST') return reply(res, 405, { error: 'use POST with an NDJSON body' });
  if (!authorized(req, o.token)) return reply(res, 401, { error: 'missing or wrong bearer token' });
  if (Number(req.headers['content-length'] ?? 0) > o.maxBodyBytes) {
    req.resume();
    return reply(res, 413, { error: `body over ${o.maxBodyBytes} bytes` });
  }
  // Read the whole body first: a batch over the limit is refused as a
  // whole, before any of its lines is counted.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > o.maxBodyBytes) return reply(res.setHeader('connection', 'close'), 413, { error: `body over ${o.maxBodyBytes} bytes` });
    chunks.push(c as Buffer);
  }
  let accepted = 0;
  let rejected = 0;
  const sink: LineSink = {
    line: (text, bytes) => { if (o.line(text, bytes)) accepted++; else rejected++; },
    tooLong: (bytes) => { o.tooLong(bytes); rejected++; },
  };
  const splitter = new LineSplitter(o.maxLineBytes, sink);
  splitter.push(Buffer.concat(chunks));
  if (splitter.heldBytes > 0) splitter.push(Buffer.from('\n'));
  await o.flush();
  reply(res, 200, { accepted, rejected });
}
