/**
 * `hookwatch export --once`: read every source to its end from the first
 * byte, print the exposition, exit. Stateless on purpose (no checkpoint is
 * read or written): it is for pipes, audits and benchmarks.
 */
import type { Readable } from 'node:stream';
import { Engine } from '../counting/engine.js';
import { renderExposition } from '../exposition/render.js';
import type { ExporterSettings } from './settings.js';
import { FileSource } from '../sources/file-source.js';
import { readStream } from '../sources/stdin.js';

export interface OnceOptions {
  readonly version: string;
  readonly stdin?: Readable;
}

/** Counts every source and returns the Prometheus text exposition. */
export async function runOnce(settings: ExporterSettings, opts: OnceOptions): Promise<string> {
  const engine = new Engine({ endpoints: settings.endpoints, labelLimit: settings.labelLimit });
  const agg = engine.agg;
  agg.set('buildInfo', [opts.version, 'exporter'], 1);
  for (const s of settings.sources) {
    const name = s.name;
    if (s.type === 'file') {
      const hooks = { rotated: () => agg.inc('exporterRotations', [name]), truncated: () => agg.inc('exporterTruncations', [name]) };
      const src = new FileSource(name, s.path, engine.sink(name, s), settings.maxLineBytes, hooks, new Map());
      while (await src.poll(false)) { /* read until every file is at its end */ }
      // A last line without its newline is complete once the file is done.
      src.finish();
      await src.close();
      const lag = src.lag();
      agg.set('exporterSourceSize', [name], lag.size);
      agg.set('exporterSourceOffset', [name], lag.offset);
    } else if (s.type === 'stdin' && opts.stdin) {
      await readStream(opts.stdin, engine.sink(name, s), settings.maxLineBytes);
    }
  }
  return renderExposition(agg);
}
