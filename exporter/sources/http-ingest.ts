/**
 * The `http` source: `POST <path>` with an NDJSON body. Each line is
 * counted on its own (a bad line is rejected, the rest of the batch is
 * accepted), and the 200 is sent only once a checkpoint holding the batch
 * is durable, so a 200 means "counted and will survive a crash"; when the
 * checkpoint cannot be written the answer is 503.
 *
 * With an `Idempotency-Key` the batch is applied at most once (see
 * ingest-batch.ts): a retry of a batch already applied is answered 200
 * with `Idempotent-Replayed: true` and not counted again. Without one,
 * ingest is at-least-once: a retry after a lost answer counts again.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Secret } from '../../config/index.js';
import { IDEMPOTENCY_HEADER, readIdempotencyKey } from './idempotency-key.js';
import { applyBatch, type BatchTarget } from './ingest-batch.js';

export const REPLAYED_HEADER = 'idempotent-replayed';

export interface IngestOptions extends BatchTarget {
  readonly token?: Secret | undefined;
  readonly maxBodyBytes: number;
  /** Resolves true once a checkpoint holding everything counted so far is durable, false when writing it failed. */
  readonly commit: () => Promise<boolean>;
}

function authorized(req: IncomingMessage, token: Secret | undefined): boolean {
  if (!token) return true;
  const got = Buffer.from(req.headers.authorization ?? '');
  const want = Buffer.from(`Bearer ${token.reveal()}`);
  return got.length === want.length && timingSafeEqual(got, want);
}

function reply(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(`${JSON.stringify(body)}\n`);
}

/** Reads the whole body; null (after answering 413) when it is over the limit. */
async function readBody(req: IncomingMessage, res: ServerResponse, max: number): Promise<Buffer | null> {
  const tooLarge = () => reply(res, 413, { error: `body over ${max} bytes` });
  if (Number(req.headers['content-length'] ?? 0) > max) {
    req.resume();
    tooLarge();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) {
      res.setHeader('connection', 'close');
      tooLarge();
      return null;
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Handles one ingest request. */
export async function handleIngest(req: IncomingMessage, res: ServerResponse, o: IngestOptions): Promise<void> {
  if (req.method !== 'POST') return reply(res, 405, { error: 'use POST with an NDJSON body' });
  if (!authorized(req, o.token)) return reply(res, 401, { error: 'missing or wrong bearer token' });
  const key = readIdempotencyKey(req.headers[IDEMPOTENCY_HEADER]);
  if ('error' in key) {
    req.resume();
    return reply(res, 400, { error: key.error });
  }
  // The whole body first: a batch over the limit is refused as a whole, before any of its lines is counted.
  const body = await readBody(req, res, o.maxBodyBytes);
  if (!body) return;
  const r = applyBatch(body, key.key, o);
  if (r.result === 'conflict') {
    return reply(res, 422, { error: 'Idempotency-Key: already applied to a different body; send a new batch under a new key' });
  }
  if (!(await o.commit())) {
    const retry = key.key === null ? 'it goes into the next one, and without an Idempotency-Key a retry counts it again' : 'retry with the same Idempotency-Key';
    return reply(res, 503, { error: `checkpoint write failed, so the batch is counted but not durable yet; ${retry}` }, { 'retry-after': '1' });
  }
  const { accepted, rejected } = r;
  if (r.result === 'replayed') return reply(res, 200, { accepted, rejected, replayed: true }, { [REPLAYED_HEADER]: 'true' });
  reply(res, 200, { accepted, rejected });
}
