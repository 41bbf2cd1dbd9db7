/**
 * Fan-out: each event type is routed to several internal handlers (`*`
 * matches every type). Handlers not supplied by the embedding code do
 * simulated work whose failures come from the fault settings, which is what
 * the demo and the end-to-end tests use.
 */
import type { FaultState } from './faults.js';
import { PermanentError, TemporaryError, type QueuedEvent } from './queue.js';

export type Handler = (event: { readonly id: string; readonly type: string; readonly payload: unknown }) => Promise<void>;

/** Handler names for an event type, in configuration order, without repeats. */
export function routeEvent(routes: Readonly<Record<string, readonly string[]>>, type: string): string[] {
  return [...new Set([...(routes[type] ?? []), ...(routes['*'] ?? [])])];
}

/** Simulated work: a few milliseconds, failing as the fault settings say. */
export function simulatedHandler(faults: FaultState, random: () => number = Math.random): Handler {
  return async () => {
    await new Promise((r) => setTimeout(r, 1 + random() * 9));
    const f = faults.current;
    const x = random();
    if (x < f.permanentFailureRatio) throw new PermanentError('simulated permanent failure (payload rejected)');
    if (x < f.permanentFailureRatio + f.processingFailureRatio) throw new TemporaryError('simulated temporary failure (dependency timeout)');
  };
}

/** Runs every handler not yet done for the event, in parallel; the first failure wins. */
export async function fanOut(ev: QueuedEvent, names: readonly string[], handlers: Readonly<Record<string, Handler>>, fallback: Handler): Promise<void> {
  const pending = names.filter((n) => !ev.done.has(n));
  const results = await Promise.allSettled(pending.map(async (n) => {
    await (handlers[n] ?? fallback)({ id: ev.id, type: ev.type, payload: ev.payload });
    ev.done.add(n);
  }));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
  const permanent = failures.find((f) => f instanceof PermanentError);
  if (permanent) throw permanent;
  if (failures.length) throw failures[0] instanceof Error ? failures[0] : new TemporaryError(String(failures[0]));
}
