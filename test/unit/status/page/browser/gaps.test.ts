import { describe, expect, it } from 'vitest';
import { joinShortGaps } from '../../../../../status/page/browser/gaps.js';

describe('which holes the latency chart joins over', () => {
  it('joins a hole shorter than two probe intervals (a late or skipped run)', () => {
    // 5 s buckets, 5 s probes: one empty bucket is a probe that came late or was skipped.
    expect(joinShortGaps([1, null, 2, 3], 5, 5)).toEqual([1, undefined, 2, 3]);
    // 1 s buckets, 5 s probes: four empty buckets between probes is no hole at all.
    expect(joinShortGaps([1, null, null, null, null, 2], 1, 5)).toEqual([1, undefined, undefined, undefined, undefined, 2]);
  });

  it('breaks the line where nothing was measured for two probe intervals or more (an outage)', () => {
    expect(joinShortGaps([1, null, null, 2], 5, 5)).toEqual([1, null, null, 2]);
    // A one-minute bucket with no probe at a 5 s interval: twelve probes missing.
    expect(joinShortGaps([1, null, 2], 60, 5)).toEqual([1, null, 2]);
    expect(joinShortGaps([1, null, null, 2, null, 3], 5, 5)).toEqual([1, null, null, 2, undefined, 3]);
  });

  it('leaves the ends and full series alone', () => {
    expect(joinShortGaps([null, 1, 2, null], 5, 5)).toEqual([null, 1, 2, null]);
    expect(joinShortGaps([], 5, 5)).toEqual([]);
    expect(joinShortGaps([1, 2], 5, 5)).toEqual([1, 2]);
  });
});
