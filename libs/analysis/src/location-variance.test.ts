import { describe, expect, it } from 'vitest';
import { GROUPS_DIFFER, locationVariance, NO_SPREAD, ONE_CELL, SEED_NOISE_DOMINATES, SEED_NOISE_UNMEASURED } from './location-variance';

const cells = (...located: number[][]) => located.map((l, i) => ({ group: `g${i}`, located: l }));

describe('locationVariance', () => {
  it('pools the seed spread within groups and compares it with the spread of the group means, as by hand', () => {
    // means 0.5, 0.6, 0.4: between std 0.1; within squares 0.18 + 0.08 + 0.08 over 3 df
    const v = locationVariance('mad@1x', cells([0.2, 0.8], [0.4, 0.8], [0.2, 0.6]), 3);
    expect(v).toMatchObject({ scope: 'mad@1x', n: 3, groups: 3, withinCells: 3, withinSeeds: 6, verdict: SEED_NOISE_DOMINATES, tooFewGroups: false });
    expect(v.pooledWithinStd).toBeCloseTo(Math.sqrt(0.34 / 3), 12);
    expect(v.betweenStd).toBeCloseTo(0.1, 12);
    expect(v.ratio).toBeCloseTo(Math.sqrt(0.34 / 3) / 0.1, 10);
    // a mean of two seeds keeps half the seed variance
    expect(v.seedNoiseOfMeansStd).toBeCloseTo(Math.sqrt(0.34 / 3) * Math.sqrt(0.5), 12);
  });

  it('says the groups differ when their means spread wider than the seeds do', () => {
    const v = locationVariance('mad@1x', cells([0.2, 0.2], [0.4, 0.6], [0.8, 0.8]), 5);
    expect(v.pooledWithinStd).toBeCloseTo(Math.sqrt(0.02 / 3), 12);
    expect(v.betweenStd).toBeCloseTo(0.3, 12);
    expect(v.verdict).toBe(GROUPS_DIFFER);
    expect(v.tooFewGroups).toBe(true);
  });

  it('leaves one-seed groups out of the within part but keeps them in the between part', () => {
    const v = locationVariance('worst', cells([0.2, 0.6], [0.8], [0.4], []), 3);
    expect(v).toMatchObject({ n: 3, groups: 3, withinCells: 1, withinSeeds: 2 });
    expect(v.pooledWithinStd).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(v.betweenStd).toBeCloseTo(Math.sqrt(((0.4 - 0.8 / 1.5) ** 2 * 2 + (0.8 - 0.8 / 1.5) ** 2) / 2), 12);
    expect(v.seedNoiseOfMeansStd).toBeCloseTo(Math.sqrt(0.08) * Math.sqrt((0.5 + 1 + 1) / 3), 12);
    expect(v.verdict).toBe(SEED_NOISE_DOMINATES);
  });

  it('has no within part and no verdict on seed noise when every group has one located seed', () => {
    const v = locationVariance('mad@1x', cells([0.2], [0.8], [0.4]), 3);
    expect(v).toMatchObject({ withinCells: 0, withinSeeds: 0, pooledWithinStd: null, seedNoiseOfMeansStd: null, ratio: null, verdict: SEED_NOISE_UNMEASURED });
    expect(v.betweenStd).toBeCloseTo(stdOf([0.2, 0.8, 0.4]), 12);
  });

  it('names one group and a location that never moves, and counts groups, not cells', () => {
    expect(locationVariance('all', cells([0.2, 0.6]), 3).verdict).toBe(ONE_CELL);
    expect(locationVariance('all', cells([0.4, 0.4], [0.4, 0.4]), 3)).toMatchObject({ verdict: NO_SPREAD, ratio: null });
    // two targets of one group in the 'all' scope: two cells, one group
    const v = locationVariance('all', [{ group: 'a', located: [0.2, 0.4] }, { group: 'a', located: [0.6, 0.8] }], 3);
    expect(v).toMatchObject({ n: 2, groups: 1, tooFewGroups: true });
  });
});

function stdOf(x: number[]): number {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  return Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (x.length - 1));
}
