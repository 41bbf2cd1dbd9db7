/**
 * A bounded run of the rotation soak (bench/exporter/rotation-soak.mjs;
 * the long one is `npm run bench:rotation`): the real daemon SIGKILLed at
 * random while a single path and a glob are written and rotated by rename
 * and copytruncate. Every counter must equal `export --once` over every
 * line written, and none may ever decrease between scrapes.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../../bench/exporter/rotation-soak.mjs';

const KILLS = 16;

describe('rotation soak (short)', () => {
  it(`${KILLS} SIGKILLs with rename and copytruncate rotation of a path and a glob: every counter exact, none decreasing`, async () => {
    const r = await runSoak({ kills: KILLS, seed: 7 });
    expect(r.mismatches).toEqual([]);
    expect(r.decreases).toEqual([]);
    expect(r.exact).toBe(true);
    expect(r.kills).toBe(KILLS);
    expect(r.renames.single + r.renames.glob).toBeGreaterThan(0);
    expect(r.copytruncates.single + r.copytruncates.glob).toBeGreaterThan(0);
  }, 120_000);
});
