/**
 * One reference receiver as a daemon part, for `receive`, `up` and
 * `stack`. A reload applies the receiver's new faults.
 */
import type { ReceiverConfig } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import { Receiver, startReceiverServer } from '../../receiver/index.js';
import type { Part } from '../lifecycle.js';

export interface RunningReceiverPart {
  readonly part: Part;
  readonly endpoint: string;
  /** `http://host:port`; the webhook is at `/webhook`. */
  readonly url: string;
}

export async function startReceiver(rc: ReceiverConfig, log: Logger): Promise<RunningReceiverPart> {
  const r = new Receiver(rc, { log });
  const s = await startReceiverServer(r).catch(async (err: unknown) => {
    await r.stop();
    throw err;
  });
  const part: Part = {
    name: `receiver ${r.endpoint}`,
    reload: (next) => {
      const c = next.receivers.find((x) => x.endpoint.name === r.endpoint);
      if (c) r.faults.replace(c.faults);
    },
    stop: async () => {
      await s.close();
      await r.stop();
    },
  };
  return { part, endpoint: r.endpoint, url: s.url };
}
