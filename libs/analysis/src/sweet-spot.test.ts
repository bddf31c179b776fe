import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { findSweetSpot, robustnessGainPercent } from './sweet-spot';
import { evalOf, MAD_SWEET_SPOT_SPARSITY, syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

describe('findSweetSpot', () => {
  const candidates = [
    { sparsity: 0, cleanNormalised: 1, robustNormalised: 0.4, robustReturn: 400 },
    { sparsity: 0.3, cleanNormalised: 0.98, robustNormalised: 0.6, robustReturn: 600 },
    { sparsity: 0.6, cleanNormalised: 0.8, robustNormalised: 0.9, robustReturn: 900 },
    { sparsity: 0.9, cleanNormalised: 0.3, robustNormalised: 0.5, robustReturn: 500 },
  ];

  it('picks the sparsity with the highest mean of normalised clean and robust return', () => {
    // scores: 0.7, 0.79, 0.85, 0.4
    const { spot, reason } = findSweetSpot({ target: 'mad@0.1', candidates, baselineRobustReturn: 400, keepFraction: 0.95 });
    expect(reason).toBeNull();
    expect(spot!.sparsity).toBe(0.6);
    expect(spot!.score).toBeCloseTo(0.85, 12);
    expect(spot!.cleanRetention).toBe(0.8);
    expect(spot!.keepsClean).toBe(false);
    expect(spot!.robustnessGainPercent).toBeCloseTo(125, 12); // (900 - 400) / 400
  });

  it('reports whether the sweet spot keeps the required fraction of clean return', () => {
    const { spot } = findSweetSpot({ target: 't', candidates, baselineRobustReturn: 400, keepFraction: 0.8 });
    expect(spot!.keepsClean).toBe(true); // exactly 0.8 >= 0.8
  });

  it('breaks an exact tie in favour of the sparser policy', () => {
    const tied = [
      { sparsity: 0, cleanNormalised: 1, robustNormalised: 0.5, robustReturn: 50 },
      { sparsity: 0.5, cleanNormalised: 0.75, robustNormalised: 0.75, robustReturn: 75 },
    ];
    expect(findSweetSpot({ target: 't', candidates: tied, baselineRobustReturn: 50, keepFraction: 0.95 }).spot!.sparsity).toBe(0.5);
  });

  it('measures the gain against |J_attack(dense)| so a negative baseline still gives a positive gain for a better policy', () => {
    expect(robustnessGainPercent(100, -200)).toBeCloseTo(150, 12);
    expect(robustnessGainPercent(-300, -200)).toBeCloseTo(-50, 12);
    expect(robustnessGainPercent(5, 0)).toBeNull();
  });

  it('gives no sweet spot, with a reason, when nothing is comparable', () => {
    const none = findSweetSpot({ target: 't', candidates: [{ sparsity: 0, cleanNormalised: null, robustNormalised: 0.5, robustReturn: 1 }], baselineRobustReturn: 1, keepFraction: 0.95 });
    expect(none.spot).toBeNull();
    expect(none.reason).toMatch(/no sparsity/);
    const noBaseline = findSweetSpot({ target: 't', candidates, baselineRobustReturn: null, keepFraction: 0.95 });
    expect(noBaseline.spot).toBeNull();
    expect(noBaseline.reason).toMatch(/dense baseline/);
  });
});

describe('sweet spots in analyse', () => {
  it('finds the synthetic MAD optimum per attack and one for the worst case', () => {
    const a = analyse(syntheticPoints());
    const g = a.groups[0]!;
    expect(g.targets.map((t) => t.key)).toEqual(['mad@0.075', 'random@0.075', 'worst']);
    const byTarget = Object.fromEntries(g.sweetSpots.map((s) => [s.target, s.spot]));
    expect(byTarget['mad@0.075']!.sparsity).toBe(MAD_SWEET_SPOT_SPARSITY);
    // Random noise barely hurts and pruning only costs clean return here: the dense policy wins.
    expect(byTarget['random@0.075']!.sparsity).toBe(0);
    expect(byTarget['random@0.075']!.robustnessGainPercent).toBe(0);
    expect(byTarget['worst']!.sparsity).toBe(MAD_SWEET_SPOT_SPARSITY);
  });

  it('takes the worst case per seed as the minimum over that seed\'s attacks', () => {
    const p = (seed: number, sparsity: number, clean: number, mad: number, rs: number): GridPointResult => ({
      label: `${seed}/${sparsity}`, env: 'E', seed, kappa: 0, criterion: 'm', sparsity, clean: evalOf(clean),
      attacks: [{ attack: 'mad', epsilon: 0.1, result: evalOf(mad) }, { attack: 'rs', epsilon: 0.1, result: evalOf(rs) }],
      certify: null, training: [],
    });
    const a = analyse([p(1, 0, 100, 20, 50), p(2, 0, 100, 60, 30), p(1, 0.5, 100, 80, 70), p(2, 0.5, 90, 40, 85)]);
    const g = a.groups[0]!;
    const worst = g.conditions.map((c) => c.robust.find((r) => r.target === 'worst')!.return!.mean);
    expect(worst[0]).toBe((20 + 30) / 2);
    expect(worst[1]).toBe((70 + 40) / 2);
    const spot = g.sweetSpots.find((s) => s.target === 'worst')!.spot!;
    // dense: (1 + 0.25)/2 = 0.625; pruned: ((1 + 0.9)/2 + (0.7 + 0.4)/2)/2 = 0.75
    expect(spot.sparsity).toBe(0.5);
    expect(spot.score).toBeCloseTo(0.75, 12);
    expect(spot.robustnessGainPercent).toBeCloseTo(((55 - 25) / 25) * 100, 12);
  });
});
