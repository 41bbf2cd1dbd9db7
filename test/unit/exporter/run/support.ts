/** What the runtime unit tests share: settings around a temp folder, and one delivery line. */
import { join } from 'node:path';
import type { ExporterSettings } from '../../../../exporter/run/settings.js';

/** Settings with one endpoint `ep` and the state in `dir/state`. */
export function runtimeSettings(dir: string, sources: ExporterSettings['sources']): ExporterSettings {
  return {
    endpoints: [{ name: 'ep', url: 'https://ep.example/h' }], labelLimit: 10, maxLineBytes: 10_000, stateDir: join(dir, 'state'),
    pollSeconds: 0.05, checkpointSeconds: 1, listen: { host: '127.0.0.1', port: 0, text: '127.0.0.1:0' }, sources,
  };
}

/** One delivery attempt to `ep`, newline included. */
export const line = (i: number, status = 200) => `${JSON.stringify({ ts: '2026-11-28T10:00:00Z', event_id: `e${i}`, event_type: 't', endpoint: 'ep', status })}\n`;
