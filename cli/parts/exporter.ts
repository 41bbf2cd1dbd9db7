/** The exporter as a daemon part, for `export`, `up` and `stack`. */
import type { Readable } from 'node:stream';
import type { Config } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import { settingsFrom, startDaemon, type Daemon } from '../../exporter/index.js';
import type { Part } from '../lifecycle.js';
import { VERSION } from '../version.js';

export interface RunningExporter {
  readonly part: Part;
  /** `http://host:port` of /metrics. */
  readonly url: string;
  /** Per-endpoint delivery figures from the in-process state (the status page reads them). */
  readonly deliveryTotals: Daemon['deliveryTotals'];
}

export async function startExporter(config: Config, o: { log: Logger; stdin?: Readable }): Promise<RunningExporter> {
  const d = await startDaemon(settingsFrom(config), { version: VERSION, log: o.log, ...(o.stdin ? { stdin: o.stdin } : {}) });
  const part: Part = {
    name: 'exporter',
    // A reload that applies counts its success itself.
    reload: (next) => d.reload(settingsFrom(next)),
    reloaded: (ok) => { if (!ok) d.reloadFailed(); },
    stop: () => d.stop(),
  };
  return { part, url: d.url, deliveryTotals: () => d.deliveryTotals() };
}
