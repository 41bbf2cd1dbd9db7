/**
 * Uptime over a time window, counted from the ring: the share of probes
 * started in the window that succeeded (slow-but-successful probes count as
 * up, like the catalog's probe-up gauge at 1).
 *
 * The ring holds `capacity` probes, so a 24-hour window is fully covered
 * only when `capacity × interval ≥ 24 h` (1440 one-minute probes). When it
 * covers less, `coveredSeconds` says how much, and the page shows it rather
 * than pretending to a full day.
 */
import type { Uptime } from './api-types.js';
import type { ProbeRing } from './ring.js';

/** Uptime of a ring over the `windowSeconds` before `now` (unix seconds). */
export function uptime(ring: ProbeRing | undefined, now: number, windowSeconds: number): Uptime {
  if (!ring || ring.size === 0) return { ratio: null, probes: 0, windowSeconds, coveredSeconds: 0 };
  const since = now - windowSeconds;
  let probes = 0;
  let ok = 0;
  // Newest first: stop at the first probe older than the window.
  for (let k = 0; k < ring.size; k++) {
    if (ring.timeAt(k) < since) break;
    probes++;
    if (ring.successAt(k)) ok++;
  }
  const oldest = ring.timeAt(ring.size - 1);
  // A ring that wrapped has lost what came before its oldest entry; one that
  // did not has everything since the first probe: either way the history
  // reaches back to its oldest entry.
  const coveredSeconds = Math.max(0, Math.min(windowSeconds, now - oldest));
  return { ratio: probes ? ok / probes : null, probes, windowSeconds, coveredSeconds };
}
