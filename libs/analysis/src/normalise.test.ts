import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { normalise } from './normalise';
import { evalOf, syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

function point(seed: number, sparsity: number, clean: number, attacks: Array<[string, number]> = []): GridPointResult {
  return {
    label: `E/seed=${seed}/s=${sparsity}`,
    env: 'E',
    seed,
    kappa: 0,
    criterion: 'magnitude',
    mode: 'during',
    structured: false,
    sparsity,
    clean: evalOf(clean),
    attacks: attacks.map(([attack, r]) => ({ attack, epsilon: 0.1, result: evalOf(r) })),
    certify: [],
    parameterPath: null,
    training: [],
    maskUpdates: [],
  };
}

describe('normalise', () => {
  it('divides by a positive reference and refuses non-positive ones', () => {
    expect(normalise(50, 200)).toBe(0.25);
    expect(normalise(-50, 200)).toBe(-0.25);
    expect(normalise(50, 0)).toBeNull();
    expect(normalise(50, -100)).toBeNull();
  });

  const mixed = [
    point(1, 0, 100, [['mad', 40]]),
    point(2, 0, 200, [['mad', 50]]),
    point(1, 0.5, 90, [['mad', 60]]),
    point(2, 0.5, 150, [['mad', 100]]),
    point(3, 0.5, 120, [['mad', 30]]),
  ];

  it("divides attacked returns by the dense attacked return of the same seed with 'own_dense'", () => {
    const pruned = analyse(mixed).groups[0]!.conditions[1]!;
    // seed 1: 60/40, seed 2: 100/50, seed 3 (no dense run): 30 / mean(40, 50)
    const mad = pruned.robust.find((r) => r.target === 'mad@0.1')!;
    expect(mad.normalised!.mean).toBeCloseTo((1.5 + 2 + 30 / 45) / 3, 12);
    expect(pruned.perSeed.map((s) => s.robust[0]!.reference)).toEqual([40, 50, 45]);
    // The clean returns are divided by the dense clean return either way.
    expect(pruned.cleanNormalised!.mean).toBeCloseTo((0.9 + 0.75 + 0.8) / 3, 12);
  });

  it('uses the dense return of the same seed, and the dense seed mean for a seed without a dense run', () => {
    const a = analyse(mixed, { normalise: 'dense_clean' });
    const g = a.groups[0]!;
    expect(g.baseline).toEqual({ sparsity: 0, isDense: true, cleanMean: 150 });
    const pruned = g.conditions[1]!;
    // seed 1: 90/100, seed 2: 150/200, seed 3 (no dense run): 120/150
    const clean = [0.9, 0.75, 0.8];
    const mean = (0.9 + 0.75 + 0.8) / 3;
    expect(pruned.cleanNormalised!.mean).toBeCloseTo(mean, 12);
    expect(pruned.cleanNormalised!.n).toBe(3);
    const std = Math.sqrt(clean.reduce((s, v) => s + (v - mean) ** 2, 0) / 2);
    expect(pruned.cleanNormalised!.std).toBeCloseTo(std, 12);
    // robust: 60/100, 100/200, 30/150
    const mad = pruned.robust.find((r) => r.target === 'mad@0.1')!;
    expect(mad.normalised!.mean).toBeCloseTo((0.6 + 0.5 + 0.2) / 3, 12);
    expect(mad.return!.mean).toBeCloseTo(190 / 3, 12);
    expect(a.warnings.some((w) => w.includes('seed(s) 3') && w.includes('seed mean'))).toBe(true);
    // Per grid point: the reference each seed was divided by, and the result.
    expect(pruned.perSeed.map((s) => [s.seed, s.ownBaseline, s.reference, s.cleanNormalised])).toEqual([
      [1, true, 100, 0.9],
      [2, true, 200, 0.75],
      [3, false, 150, 0.8],
    ]);
    expect(pruned.perSeed[2]!.robust).toEqual([
      { target: 'mad@0.1', return: 30, reference: 150, normalised: 0.2 },
      { target: 'worst', return: 30, reference: 150, normalised: 0.2 },
    ]);
    // The dense condition normalises to exactly 1 with zero spread.
    expect(g.conditions[0]!.cleanNormalised).toEqual({ mean: 1, std: 0, n: 2 });
  });

  it('falls back to the lowest sparsity when the grid has no dense run, and says so', () => {
    const a = analyse(syntheticPoints({ sparsities: [0.25, 0.5, 0.75] }));
    const g = a.groups[0]!;
    expect(g.baseline.sparsity).toBe(0.25);
    expect(g.baseline.isDense).toBe(false);
    expect(g.conditions[0]!.cleanNormalised!.mean).toBe(1);
    expect(a.warnings.some((w) => w.includes('no sparsity 0') && w.includes('0.25'))).toBe(true);
  });

  it('leaves returns unnormalised (null) when the dense clean return is not positive', () => {
    const a = analyse([point(1, 0, -100, [['mad', -300]]), point(1, 0.5, -50, [['mad', -200]])]);
    const g = a.groups[0]!;
    expect(g.conditions[1]!.cleanNormalised).toBeNull();
    expect(g.conditions[1]!.robust[0]!.normalised).toBeNull();
    expect(g.conditions[1]!.clean.mean).toBe(-50);
    expect(g.sweetSpots[0]!.spot).toBeNull();
    expect(g.sweetSpots[0]!.reason).toMatch(/normalised/);
    expect(a.warnings.some((w) => w.includes('not positive'))).toBe(true);
  });
});
