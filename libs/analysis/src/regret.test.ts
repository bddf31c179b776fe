import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { regretTerms } from './regret';
import { syntheticPoints } from './test-support/synthetic';

describe('regret decomposition', () => {
  it('splits J* - J_attack(pruned) into the three terms', () => {
    const t = regretTerms(3000, 2800, 2700, 1000);
    expect(t).toEqual({ baselineCleanRegret: 200, pruningLoss: 100, robustnessGap: 1700, total: 2000 });
    expect(t.baselineCleanRegret + t.pruningLoss + t.robustnessGap).toBe(t.total);
  });

  it('uses the best seed-mean clean return of the env as the default J*, across kappas', () => {
    const points = syntheticPoints({ kappas: [0, 0.3] });
    const a = analyse(points);
    const best = Math.max(...a.groups.flatMap((g) => g.conditions.map((c) => c.clean.mean)));
    for (const g of a.groups) {
      expect(g.jStar).toBe(best);
      expect(g.jStarSource).toBe('best-clean-of-env');
    }
    // J* comes from kappa 0.3 (its clean returns are 3% higher), so kappa 0 has a positive baseline regret.
    const k0 = a.groups.find((g) => g.kappa === 0)!;
    expect(k0.regret[0]!.baselineCleanRegret.mean).toBeGreaterThan(0);
  });

  it('has terms whose means add up to the mean of J* - J_attack(pruned) in every row', () => {
    const a = analyse(syntheticPoints({ kappas: [0, 0.5] }), { jStar: 3500 });
    for (const g of a.groups) {
      expect(g.jStarSource).toBe('option');
      expect(g.regret.length).toBe(g.conditions.length * g.targets.length);
      for (const r of g.regret) {
        expect(r.jStar).toBe(3500);
        const sum = r.baselineCleanRegret.mean + r.pruningLoss.mean + r.robustnessGap.mean;
        expect(sum).toBeCloseTo(r.total.mean, 9);
        const c = g.conditions.find((x) => x.sparsity === r.sparsity)!;
        const robust = c.robust.find((x) => x.target === r.target)!.return!;
        expect(r.total.mean).toBeCloseTo(3500 - robust.mean, 9);
        if (r.sparsity === 0) expect(r.pruningLoss.mean).toBe(0);
      }
    }
  });

  it('computes the terms seed by seed (hand-worked, two seeds)', () => {
    const a = analyse(syntheticPoints({ seeds: [1, 2], sparsities: [0, 0.5], attacks: [{ attack: 'mad', epsilon: 0.075 }], certify: false }), { jStar: 4000 });
    const g = a.groups[0]!;
    const row = g.regret.find((r) => r.sparsity === 0.5 && r.target === 'mad@0.075')!;
    // synthetic: seed offsets are (7 % 5) - 2 = 0 and (14 % 5) - 2 = 2
    const dense = [3000, 3020];
    const pruned = [3000 * (1 + 0.05 - 0.125), 3000 * (1 + 0.05 - 0.125) + 20];
    const mad = [800 + 1500 - 500, 800 + 1500 - 500 + 10];
    const gaps = [pruned[0]! - mad[0]!, pruned[1]! - mad[1]!];
    expect(row.baselineCleanRegret.mean).toBeCloseTo(4000 - (dense[0]! + dense[1]!) / 2, 9);
    expect(row.pruningLoss.mean).toBeCloseTo((dense[0]! - pruned[0]! + dense[1]! - pruned[1]!) / 2, 9);
    expect(row.robustnessGap.mean).toBeCloseTo((gaps[0]! + gaps[1]!) / 2, 9);
    expect(row.robustnessGap.std).toBeCloseTo(Math.abs(gaps[0]! - gaps[1]!) / Math.SQRT2, 9);
    expect(row.total.n).toBe(2);
  });
});
