// The runners' side of the protocol with bench/prober.mjs, one JSON line
// each on stdout: {"ready":true,"rss":…} → (parent samples /proc, writes
// "go\n") → COUNT calls of `once` at CONCURRENCY, then `after` →
// {"durations":[...], "elapsed": s, "failures": n} → exits when stdin closes.
import { createInterface } from 'node:readline';

/** `once` resolves to { success, durationSeconds }. */
export async function drive(count, concurrency, once, after = async () => {}) {
  const lines = createInterface({ input: process.stdin });
  console.log(JSON.stringify({ ready: true, rss: process.memoryUsage().rss }));
  await new Promise((resolve) => lines.once('line', resolve));
  const durations = new Float64Array(count);
  let next = 0;
  let failures = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const o = await once();
      if (!o.success) failures += 1;
      durations[i] = o.durationSeconds;
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  await after();
  console.log(JSON.stringify({ durations: [...durations], elapsed, failures }));
  lines.once('close', () => process.exit(0));
}
