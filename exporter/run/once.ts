/**
 * `hookwatch export --once`: read every source to its end from the first
 * byte, print the exposition, exit. Stateless on purpose (no checkpoint is
 * read or written): it is for pipes, audits and benchmarks.
 */
import type { Readable } from 'node:stream';
import { Engine } from '../counting/engine.js';
import { renderExposition } from '../exposition/render.js';
import { drain, openFileSource, readInto } from './open.js';
import type { ExporterSettings } from './settings.js';

export interface OnceOptions {
  readonly version: string;
  readonly stdin?: Readable;
}

/** Counts every source and returns the Prometheus text exposition. */
export async function runOnce(settings: ExporterSettings, opts: OnceOptions): Promise<string> {
  const engine = new Engine({ endpoints: settings.endpoints, labelLimit: settings.labelLimit });
  const agg = engine.agg;
  agg.set('buildInfo', { version: opts.version, component: 'exporter' }, 1);
  for (const s of settings.sources) {
    if (s.type === 'file') {
      const src = openFileSource(engine, s, settings.maxLineBytes);
      await drain(src);
      // Read the position before closing: a closed source has no tails left.
      const lag = src.lag();
      await src.close();
      agg.set('exporterSourceSize', { source: s.name }, lag.size);
      agg.set('exporterSourceOffset', { source: s.name }, lag.offset);
    } else if (s.type === 'stdin' && opts.stdin) {
      await readInto(engine, s.name, s, opts.stdin, settings.maxLineBytes);
    }
  }
  return renderExposition(agg);
}
