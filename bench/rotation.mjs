/**
 * The long rotation soak (see bench/exporter/rotation-soak.mjs): at least
 * 100 kill -9s of the real daemon, rename and copytruncate rotation, a
 * glob and a single path. Writes the `rotation-soak` section of
 * BENCHMARKS.md; exits 1 if any counter was not exact or ever decreased.
 *
 *   npm run bench:rotation                 (builds dist/ first; 120 kills)
 *   HOOKWATCH_SOAK_KILLS=20 node bench/rotation.mjs   (a quick run, BENCHMARKS.md left alone)
 */
import { writeSection, machine } from './lib.mjs';
import { runSoak } from './exporter/rotation-soak.mjs';

const QUICK = Number(process.env.HOOKWATCH_SOAK_KILLS ?? 0);
const kills = QUICK || 120;
const r = await runSoak({ kills, seed: 2026, log: (s) => console.error(s) });
console.log(JSON.stringify(r, null, 2));
const yes = (b) => (b ? '**yes**' : '**no**');
if (!QUICK) {
  writeSection('rotation-soak', `## Exporter: rotation soak (kill -9)

Re-run: \`npm run bench:rotation\` (builds dist/, then runs [bench/exporter/rotation-soak.mjs](bench/exporter/rotation-soak.mjs) with seed 2026 and rewrites this section).

Machine: ${machine()}.

The real \`hookwatch export\` daemon, SIGKILLed ${r.kills} times (${r.startupKills} of them during start-up), reading two sources at once: a single path and a glob (\`*.jsonl\`), each rotated by rename (logrotate's numbered shift) and by copytruncate, while up and while down, with partial last lines and ${r.badLines} malformed lines. At the end every counter is compared with \`hookwatch export --once\` over oracle files holding every line written.

| | single path | glob |
|---|---|---|
| rename rotations (of them while the exporter was down) | ${r.renames.single} (${r.renamesWhileDown.single}) | ${r.renames.glob} (${r.renamesWhileDown.glob}) |
| copytruncate rotations | ${r.copytruncates.single} | ${r.copytruncates.glob} |
| counted by the exporter: \`rotations_total\`, \`truncations_total\` | ${r.counted.single.rotations}, ${r.counted.single.truncations} | ${r.counted.glob.rotations}, ${r.counted.glob.truncations} |

- ${r.lines.toLocaleString('en-US')} lines written, ${r.scrapes} scrapes, ${r.seconds.toFixed(0)} s.
- Every counter exact: ${yes(r.exact)} (${r.compared} counter values compared${r.mismatches.length ? `; ${r.mismatches.length} differ` : ''}).
- No counter ever decreased between scrapes: ${yes(r.monotonic)}.
- The rotation and truncation counters are not compared: two renames while the exporter is down are one rotation to it, and two truncations it did not see in between are one truncation (an empty file is never truncated, as with logrotate's \`notifempty\`).
- Copytruncate happens only after a scrape showed the exporter caught up with that source, so no line is written between its last read and the truncate: the lines copytruncate can lose (see the README) are then none, and the expected totals are exactly what was written. A single path is renamed twice while the exporter is down only if it caught up in between (otherwise the middle file is lost, a documented limit); the glob is renamed any number of times while down.`);
}
process.exit(r.exact && r.monotonic ? 0 : 1);
