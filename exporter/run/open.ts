/**
 * The one way the run modes (daemon, --once, backfill) open their sources:
 * a file source whose rotations and truncations count into the engine, a
 * stream read into a line sink, and a file source read to its end.
 */
import type { Readable } from 'node:stream';
import type { FileSourceConfig, RecordFormatSpec } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import type { Engine } from '../counting/engine.js';
import { FileSource } from '../sources/file-source.js';
import type { LineSink } from '../sources/lines.js';
import { readStream } from '../sources/stdin.js';
import type { SourcePosition } from '../state/checkpoint.js';

/** Where a restarted source resumes: saved positions by file path, and files rotated away. */
export interface Resume {
  readonly positions: ReadonlyMap<string, SourcePosition>;
  readonly retired: readonly SourcePosition[];
}

const FRESH: Resume = { positions: new Map(), retired: [] };

/**
 * A file source counting into `engine` (or into `sink`, when the caller
 * parses lines itself); with `log`, a path without a file is logged once
 * ("waiting for file") and again when the file appears.
 */
export function openFileSource(engine: Engine, s: FileSourceConfig, maxLineBytes: number, resume: Resume = FRESH, sink: LineSink = engine.sink(s.name, s), log?: Logger): FileSource {
  const agg = engine.agg;
  const source = { source: s.name };
  const hooks = {
    rotated: () => agg.inc('exporterRotations', source),
    truncated: () => agg.inc('exporterTruncations', source),
    waiting: (path: string) => log?.warn('waiting for file', { source: s.name, path }),
    appeared: (path: string) => log?.info('file appeared', { source: s.name, path }),
  };
  return new FileSource(s.name, s.path, sink, maxLineBytes, hooks, resume.positions, resume.retired);
}

/** Reads every file of a source to its end; a last line without its newline is complete once the file is done. */
export async function drain(src: FileSource, afterRead?: () => void): Promise<void> {
  while (await src.poll(false)) afterRead?.();
  afterRead?.();
  src.finish();
}

/** Counts a stream (a `type: stdin` source) into the engine until it closes. */
export function readInto(engine: Engine, name: string, spec: RecordFormatSpec, stream: Readable, maxLineBytes: number): Promise<void> {
  return readStream(stream, engine.sink(name, spec), maxLineBytes);
}
