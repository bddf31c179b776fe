import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { findSweetSpot, robustGain, robustnessGainPercent } from './sweet-spot';
import { evalOf, MAD_SWEET_SPOT_SPARSITY, MAD_UNCONSTRAINED_SPARSITY, syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

function point(seed: number, sparsity: number, clean: number, attacks: Record<string, number>): GridPointResult {
  return {
    label: `${seed}/${sparsity}`, env: 'E', seed, kappa: 0, criterion: 'm', mode: 'during', structured: false, sparsity, clean: evalOf(clean),
    attacks: Object.entries(attacks).map(([attack, r]) => ({ attack, epsilon: 0.1, result: evalOf(r) })),
    certify: [], parameterPath: null, training: [], maskUpdates: [],
  };
}

describe('findSweetSpot', () => {
  const candidates = [
    { sparsity: 0, cleanNormalised: 1, robustNormalised: 0.4, robustReturn: 400 },
    { sparsity: 0.3, cleanNormalised: 0.98, robustNormalised: 0.6, robustReturn: 600 },
    { sparsity: 0.6, cleanNormalised: 0.8, robustNormalised: 0.9, robustReturn: 900 },
    { sparsity: 0.9, cleanNormalised: 0.3, robustNormalised: 0.5, robustReturn: 500 },
  ];
  const input = { target: 'mad@0.1', candidates, baselineRobustReturn: 400, baselineCleanReturn: 1000, keepFraction: 0.95 };

  it('picks the best score among the sparsities that keep the required clean return', () => {
    // scores: 0.7, 0.79, 0.85, 0.4; only 0 and 0.3 keep 95%.
    const { spot, reason, unconstrained } = findSweetSpot(input);
    expect(reason).toBeNull();
    expect(spot!.sparsity).toBe(0.3);
    expect(spot!.score).toBeCloseTo(0.79, 12);
    expect(spot!.cleanRetention).toBe(0.98);
    expect(spot!.keepsClean).toBe(true);
    expect(spot!.robustnessGainPercent).toBeCloseTo(50, 12); // (600 - 400) / 400
    expect(spot!.robustnessGainPoints).toBeCloseTo(20, 12); // (600 - 400) / 1000 dense clean
    expect(spot!.robustnessGainNote).toBeNull();
    // Without the constraint 60% would have won: reported beside it.
    expect(unconstrained!.sparsity).toBe(0.6);
    expect(unconstrained!.score).toBeCloseTo(0.85, 12);
  });

  it('admits a sparsity that keeps exactly the required fraction', () => {
    expect(findSweetSpot({ ...input, keepFraction: 0.8 }).spot!.sparsity).toBe(0.6);
  });

  it('gives no sweet spot when no sparsity keeps enough, naming the best retention', () => {
    const lossy = [
      { sparsity: 0.3, cleanNormalised: 0.91, robustNormalised: 1.2, robustReturn: 480 },
      { sparsity: 0.6, cleanNormalised: 0.8, robustNormalised: 1.5, robustReturn: 600 },
    ];
    const r = findSweetSpot({ ...input, candidates: lossy });
    expect(r.spot).toBeNull();
    expect(r.reason).toBe('no sparsity keeps 95% of the dense clean return (best retention 0.91 at s=0.3)');
    expect(r.unconstrained!.sparsity).toBe(0.6);
  });

  it('breaks an exact tie in favour of the sparser policy', () => {
    const tied = [
      { sparsity: 0, cleanNormalised: 1, robustNormalised: 0.5, robustReturn: 50 },
      { sparsity: 0.5, cleanNormalised: 1, robustNormalised: 0.5, robustReturn: 50 },
    ];
    expect(findSweetSpot({ ...input, candidates: tied, baselineRobustReturn: 50 }).spot!.sparsity).toBe(0.5);
  });

  it('gives no sweet spot, with a reason, when nothing is comparable', () => {
    const none = findSweetSpot({ ...input, candidates: [{ sparsity: 0, cleanNormalised: null, robustNormalised: 0.5, robustReturn: 1 }] });
    expect(none.spot).toBeNull();
    expect(none.reason).toMatch(/no sparsity has both/);
    const noBaseline = findSweetSpot({ ...input, baselineRobustReturn: null });
    expect(noBaseline.spot).toBeNull();
    expect(noBaseline.reason).toMatch(/dense baseline/);
  });
});

describe('robust-return gain', () => {
  it('measures the relative gain against |J_attack(dense)|', () => {
    expect(robustnessGainPercent(100, -200)).toBeCloseTo(150, 12);
    expect(robustnessGainPercent(-300, -200)).toBeCloseTo(-50, 12);
    expect(robustnessGainPercent(5, 0)).toBeNull();
  });

  it('gives points of dense clean, and no percentage over a near-zero dense attacked return', () => {
    // |30| < 5% of 1000: the relative gain would be +233%, a ratio to noise.
    const g = robustGain(100, 30, 1000);
    expect(g.percent).toBeNull();
    expect(g.points).toBeCloseTo(7, 12);
    expect(g.note).toBe('gain over a near-zero baseline (|J_attack(dense)| = 30 < 5% of J_clean(dense) = 1000)');
    // Just at the threshold it is a percentage again.
    expect(robustGain(100, 50, 1000)).toEqual({ percent: 100, points: 5, note: null });
    expect(robustGain(100, -200, 1000).percent).toBeCloseTo(150, 12);
  });
});

describe('sweet-spot score in analyse', () => {
  // Hand case, one seed: dense clean 1000 / MAD 400; 50%: 960 / 600; 80%: 900 / 800.
  const points = [point(1, 0, 1000, { mad: 400 }), point(1, 0.5, 960, { mad: 600 }), point(1, 0.8, 900, { mad: 800 })];

  it("divides the attacked return by the dense attacked return with 'own_dense' (the default)", () => {
    const a = analyse(points);
    expect(a.options.normalise).toBe('own_dense');
    const g = a.groups[0]!;
    // scores: dense (1 + 1) / 2 = 1; 50%: (0.96 + 1.5) / 2 = 1.23; 80% (unconstrained): (0.9 + 2) / 2 = 1.45
    expect(g.conditions.map((c) => c.robust[0]!.normalised!.mean)).toEqual([1, 1.5, 2]);
    const s = g.sweetSpots.find((x) => x.target === 'mad@0.1')!;
    expect(s.spot!.sparsity).toBe(0.5);
    expect(s.spot!.score).toBeCloseTo(1.23, 12);
    expect(s.unconstrained!.sparsity).toBe(0.8);
    expect(s.unconstrained!.score).toBeCloseTo(1.45, 12);
    expect(g.conditions[1]!.perSeed[0]!.robust[0]!.reference).toBe(400);
  });

  it("divides it by the dense clean return with 'dense_clean'", () => {
    const g = analyse(points, { normalise: 'dense_clean' }).groups[0]!;
    // scores: dense (1 + 0.4) / 2 = 0.7; 50%: (0.96 + 0.6) / 2 = 0.78
    const s = g.sweetSpots.find((x) => x.target === 'mad@0.1')!;
    expect(s.spot!.sparsity).toBe(0.5);
    expect(s.spot!.score).toBeCloseTo(0.78, 12);
    expect(s.spot!.robustNormalised).toBeCloseTo(0.6, 12);
    expect(s.spot!.robustnessGainPercent).toBeCloseTo(50, 12);
    expect(s.spot!.robustnessGainPoints).toBeCloseTo(20, 12);
  });

  it('leaves own-dense scores undefined, with a warning, when the dense attacked return is near zero', () => {
    const a = analyse([point(1, 0, 1000, { mad: 30 }), point(1, 0.5, 960, { mad: 600 })]);
    const g = a.groups[0]!;
    expect(g.conditions.map((c) => c.robust[0]!.normalised)).toEqual([null, null]);
    expect(g.sweetSpots[0]!.spot).toBeNull();
    expect(g.sweetSpots[0]!.reason).toBe(
      'the dense return under this attack is at or below 5% of the dense clean return, so own-dense scores are undefined (normalise: dense_clean ranks by the dense clean return instead)',
    );
    expect(JSON.stringify(a)).not.toMatch(/Infinity|NaN/);
    expect(a.warnings.some((w) => /mad \(ε=0.1\).*at or below 5%.*seed\(s\) 1.*own-dense normalisation is undefined/.test(w))).toBe(true);
    // The dense-clean reading still has a sweet spot; its relative gain is not a percentage to quote.
    const spot = analyse([point(1, 0, 1000, { mad: 30 }), point(1, 0.5, 960, { mad: 600 })], { normalise: 'dense_clean' }).groups[0]!.sweetSpots[0]!.spot!;
    expect(spot.sparsity).toBe(0.5);
    expect(spot.robustnessGainPercent).toBeNull();
    expect(spot.robustnessGainNote).toMatch(/^gain over a near-zero baseline/);
    expect(spot.robustnessGainPoints).toBeCloseTo(57, 12);
  });

  it('finds the synthetic MAD optimum per attack and one for the worst case', () => {
    const a = analyse(syntheticPoints());
    const g = a.groups[0]!;
    expect(g.targets.map((t) => t.key)).toEqual(['mad@0.075', 'random@0.075', 'worst']);
    const byTarget = Object.fromEntries(g.sweetSpots.map((s) => [s.target, s]));
    expect(byTarget['mad@0.075']!.spot!.sparsity).toBe(MAD_SWEET_SPOT_SPARSITY);
    expect(byTarget['mad@0.075']!.unconstrained!.sparsity).toBe(MAD_UNCONSTRAINED_SPARSITY);
    // Random noise barely hurts and pruning only costs clean return here: the dense policy wins.
    expect(byTarget['random@0.075']!.spot!.sparsity).toBe(0);
    expect(byTarget['random@0.075']!.spot!.robustnessGainPercent).toBe(0);
    expect(byTarget['worst']!.spot!.sparsity).toBe(MAD_SWEET_SPOT_SPARSITY);
  });

  it("takes the worst case per seed as the minimum over that seed's attacks", () => {
    const a = analyse(
      [point(1, 0, 100, { mad: 20, rs: 50 }), point(2, 0, 100, { mad: 60, rs: 30 }), point(1, 0.5, 100, { mad: 80, rs: 70 }), point(2, 0.5, 96, { mad: 40, rs: 85 })],
      { normalise: 'dense_clean' },
    );
    const g = a.groups[0]!;
    const worst = g.conditions.map((c) => c.robust.find((r) => r.target === 'worst')!.return!.mean);
    expect(worst[0]).toBe((20 + 30) / 2);
    expect(worst[1]).toBe((70 + 40) / 2);
    const spot = g.sweetSpots.find((s) => s.target === 'worst')!.spot!;
    // dense: (1 + 0.25)/2 = 0.625; pruned: ((1 + 0.96)/2 + (0.7 + 0.4)/2)/2 = 0.765
    expect(spot.sparsity).toBe(0.5);
    expect(spot.score).toBeCloseTo(0.765, 12);
    expect(spot.robustnessGainPercent).toBeCloseTo(((55 - 25) / 25) * 100, 12);
  });
});
