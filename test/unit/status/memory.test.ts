/**
 * Memory per target of the status page's history, measured: a child Node
 * with --expose-gc fills N targets' rings to capacity and reports the heap
 * and ArrayBuffer growth (typed arrays live outside the JS heap). The
 * README's "Status page" section quotes these numbers.
 */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT } from '../../support/tools.js';

const SCRIPT = `
import { StatusHistory } from './dist/status/history.js';
const [targets, size, mode] = [Number(process.argv[1]), Number(process.argv[2]), process.argv[3]];
const used = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const before = used();
const h = new StatusHistory(size);
for (let n = 0; n < targets; n++) {
  for (let i = 0; i < size; i++) {
    const ok = mode === 'success';
    // Reasons built per probe, as the checks do (a fresh string each time).
    const detail = mode === 'unique' ? ('timeout after 5s at probe ' + n + '/' + i + ' ').padEnd(200, '.') : 'connect ECONNREFUSED 127.0.0.1:' + (8600 + (n % 3));
    h.record({ endpoint: 'e' + n, check: 'delivery', result: ok ? 'success' : 'timeout', success: ok, degraded: false, status: ok ? 202 : 0,
      durationSeconds: 0.05, phases: { dns: 0.001, connect: 0.002, ttfb: 0.04, transfer: 0.007 }, startedAt: 1e9 + i, detail });
  }
}
const after = used();
console.log(JSON.stringify({ rings: h.size, bytesPerTarget: Math.round((after - before) / targets) }));
`;

function measure(mode: 'success' | 'same-reason' | 'unique', targets = 200, size = 1440): number {
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT, String(targets), String(size), mode], { cwd: ROOT, encoding: 'utf8' });
  const r = JSON.parse(out) as { rings: number; bytesPerTarget: number };
  expect(r.rings).toBe(targets);
  console.log(`status history, ${size} probes per target, ${mode}: ${(r.bytesPerTarget / 1024).toFixed(1)} KiB per target`);
  return r.bytesPerTarget;
}

it('a full ring of 1440 probes costs ~45 bytes a probe, whatever the outcome held', () => {
  // 8 (time) + 4 (duration) + 20 (phases) + 2 + 1 + 1 (status, result, flags) + 8 (reason slot).
  expect(measure('success')).toBeLessThan(1440 * 50);
  // An outage repeats one reason: the ring shares it instead of keeping 1440 copies.
  expect(measure('same-reason')).toBeLessThan(1440 * 50);
}, 30_000);

it('stays bounded with a distinct 160-character reason on every probe', () => {
  expect(measure('unique')).toBeLessThan(1440 * 260);
}, 30_000);
