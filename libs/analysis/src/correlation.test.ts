import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { averageRanks, relativeDecrease, spearman } from './correlation';
import { evalOf, syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 2])).toEqual([3, 1, 2]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation and -1 for any decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64]).rho).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [10, 3, 2, -5]).rho).toBeCloseTo(-1, 12);
  });

  it('handles ties with average ranks (hand-worked: sqrt(0.9))', () => {
    // ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]; sxy = 4.5, sxx = 4.5, syy = 5
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4]).rho).toBeCloseTo(Math.sqrt(0.9), 12);
  });

  it('matches the textbook d^2 formula when there are no ties', () => {
    const x = [86, 97, 99, 100, 101, 103, 106, 110, 112, 113];
    const y = [0, 20, 28, 27, 50, 29, 7, 17, 6, 12];
    // d = rank differences; rho = 1 - 6 sum d^2 / (n (n^2 - 1)) = -29/165
    expect(spearman(x, y).rho).toBeCloseTo(-29 / 165, 12);
  });

  it('is null, with the reason, for fewer than 3 points or a constant variable', () => {
    expect(spearman([1, 2], [2, 1])).toEqual({ rho: null, reason: 'needs at least 3 points, got 2' });
    expect(spearman([1, 1, 1], [1, 2, 3]).rho).toBeNull();
    expect(spearman([1, 2, 3], [4, 4, 4]).reason).toMatch(/robust-return gain/);
  });

  it('relativeDecrease is the fraction of the dense bound removed', () => {
    expect(relativeDecrease(50, 20)).toBeCloseTo(0.6, 12);
    expect(relativeDecrease(0, 0)).toBeNull();
  });
});

describe('bound/robustness correlations in analyse', () => {
  it('correlates bound decreases with MAD gains per group and pooled', () => {
    const a = analyse(syntheticPoints({ kappas: [0, 0.3] }));
    for (const g of a.groups) {
      expect(g.correlations.map((c) => c.bound)).toEqual(['surrogate', 'crown-mean-tv', 'ibp-mean-tv', 'surrogate-lipschitz']);
      for (const c of g.correlations) {
        expect(c.target).toBe('mad@0.075');
        expect(c.n).toBe(5);
        // The dense policy is the point (0, 0).
        expect(c.points[0]).toMatchObject({ sparsity: 0, boundDecrease: 0, robustGainPercent: 0 });
        // MAD return rises up to 75% sparsity and dips at 90% while bounds keep falling: ranks of
        // gains are [1, 2, 3, 5, 4] against [1, 2, 3, 4, 5] -> rho = 1 - 6 * 2 / (5 * 24) = 0.9
        expect(c.rho).toBeCloseTo(0.9, 12);
      }
    }
    const pooled = a.pooledCorrelations;
    expect(pooled.map((p) => [p.target, p.scope, p.n])).toEqual([
      ['mad', 'pooled', 10],
      ['mad', 'pooled', 10],
      ['mad', 'pooled', 10],
      ['mad', 'pooled', 10],
    ]);
    expect(pooled[0]!.rho).not.toBeNull();
  });

  it('reports null (never NaN) for a group with only two sparsities', () => {
    const a = analyse(syntheticPoints({ sparsities: [0, 0.5] }));
    for (const c of a.groups[0]!.correlations) {
      expect(c.rho).toBeNull();
      expect(c.n).toBe(2);
      expect(c.reason).toMatch(/at least 3/);
    }
    expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
  });

  it('skips conditions that were not certified', () => {
    const points: GridPointResult[] = syntheticPoints({ sparsities: [0, 0.25, 0.5, 0.75] }).map((p) =>
      p.sparsity === 0.25 ? { ...p, certify: [] } : p,
    );
    const a = analyse(points);
    expect(a.groups[0]!.conditions[1]!.certificates).toEqual([]);
    const c = a.groups[0]!.correlations[0]!;
    expect(c.points.map((p) => p.sparsity)).toEqual([0, 0.5, 0.75]);
    expect(c.excluded).toEqual([{ env: 'Hopper-v4', kappa: 0, criterion: 'magnitude', sparsity: 0.25, why: 'uncertified' }]);
  });

  it('has no correlations when no MAD attack was run', () => {
    const a = analyse([
      { label: 'a', env: 'E', seed: 1, kappa: 0, criterion: 'm', mode: 'during', structured: false, sparsity: 0, clean: evalOf(10), attacks: [{ attack: 'random', epsilon: 0.1, result: evalOf(5) }], certify: [], parameterPath: null, training: [], maskUpdates: [] },
    ]);
    expect(a.groups[0]!.correlations).toEqual([]);
    expect(a.pooledCorrelations.every((c) => c.n === 0 && c.rho === null)).toBe(true);
  });
});
