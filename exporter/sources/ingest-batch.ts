/**
 * One ingest batch, applied at most once per Idempotency-Key. Everything
 * from the key lookup to remembering the key is synchronous, so two
 * requests with one key (a retry, or both at once) cannot both count: the
 * second finds the key the first remembered, together with its lines.
 */
import { createHash } from 'node:crypto';
import type { IngestBatchResult } from '../../catalog/index.js';
import type { BatchKeys, BatchOutcome } from '../state/batch-keys.js';
import { LineSplitter } from './lines.js';

export interface BatchTarget {
  readonly maxLineBytes: number;
  /** Counts one line; returns true when it became a record. */
  readonly line: (text: string, bytes: number) => boolean;
  readonly tooLong: (bytes: number) => void;
  /** The keys this source has applied. */
  readonly keys: BatchKeys;
  /** Counts the batch by what became of it. */
  readonly counted: (result: IngestBatchResult) => void;
}

export type BatchResult =
  | (BatchOutcome & { readonly result: IngestBatchResult })
  /** The key was applied to another body: refused, so neither batch is silently dropped. */
  | { readonly result: 'conflict' };

/** Applies `body` (NDJSON; a last line without its newline counts) unless `key` was applied already. */
export function applyBatch(body: Buffer, key: string | null, t: BatchTarget): BatchResult {
  if (key === null) {
    t.counted('unkeyed');
    return { result: 'unkeyed', ...countLines(body, t) };
  }
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  const seen = t.keys.get(key);
  if (seen) {
    if (seen.digest !== digest) return { result: 'conflict' };
    t.counted('replayed');
    return { result: 'replayed', accepted: seen.accepted, rejected: seen.rejected };
  }
  const outcome = countLines(body, t);
  t.keys.remember(key, { ...outcome, digest });
  t.counted('applied');
  return { result: 'applied', ...outcome };
}

function countLines(body: Buffer, t: BatchTarget): BatchOutcome {
  let accepted = 0;
  let rejected = 0;
  const splitter = new LineSplitter(t.maxLineBytes, {
    line: (text, bytes) => { if (t.line(text, bytes)) accepted++; else rejected++; },
    tooLong: (bytes) => { t.tooLong(bytes); rejected++; },
  });
  splitter.push(body);
  if (splitter.heldBytes > 0) splitter.push(Buffer.from('\n'));
  return { accepted, rejected };
}
