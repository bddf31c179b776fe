import { describe, expect, it } from 'vitest';
import { lowestScores } from './select';

describe('lowestScores', () => {
  it('takes everything below the threshold, then the first ties at it, skipping ineligible entries', () => {
    const scores = Float64Array.from([3, 1, 3, 3, 0, 3, -1]);
    const eligible = Uint8Array.from([1, 1, 1, 1, 1, 1, 0]);
    expect(Array.from(lowestScores(scores, eligible, 3))).toEqual([0, 1, 4]);
    expect(Array.from(lowestScores(scores, eligible, 4))).toEqual([0, 1, 2, 4]);
    expect(Array.from(lowestScores(scores, eligible, 0))).toEqual([]);
    expect(Array.from(lowestScores(scores, eligible, 6))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('agrees with sorting (score, index) pairs on random scores with many ties', () => {
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(next() * 60);
      const scores = Float64Array.from({ length: n }, () => Math.floor(next() * 5));
      const eligible = Uint8Array.from({ length: n }, () => (next() < 0.8 ? 1 : 0));
      const pool = [...Array(n).keys()].filter((k) => eligible[k] === 1);
      const count = Math.floor(next() * (pool.length + 1));
      const expected = pool
        .sort((a, b) => scores[a]! - scores[b]! || a - b)
        .slice(0, count)
        .sort((a, b) => a - b);
      expect(Array.from(lowestScores(scores, eligible, count))).toEqual(expected);
    }
  });

  it('refuses to pick more entries than are eligible', () => {
    expect(() => lowestScores(Float64Array.from([1, 2]), Uint8Array.from([1, 0]), 2)).toThrow(RangeError);
  });
});
