/**
 * Reference receivers started by a test, stopped after it: the server
 * closed first, then the receiver (which flushes its queue and log).
 */
import { startReceiverServer, type Receiver, type RunningReceiver } from '../../receiver/index.js';

export class ReceiverPool {
  #running: { r: Receiver; s: RunningReceiver }[] = [];

  async start(r: Receiver): Promise<RunningReceiver> {
    const s = await startReceiverServer(r);
    this.#running.push({ r, s });
    return s;
  }

  /** Stops the one started last, as a restart test does before starting it again. */
  async stopLast(): Promise<void> {
    const last = this.#running.pop();
    if (last) await stop(last);
  }

  async stopAll(): Promise<void> {
    for (const x of this.#running.splice(0)) await stop(x);
  }
}

async function stop({ r, s }: { r: Receiver; s: RunningReceiver }): Promise<void> {
  await s.close();
  await r.stop();
}
