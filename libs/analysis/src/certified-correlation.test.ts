import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

/** The synthetic points with every certificate of `seed` at `sparsity` rewritten by `edit`. */
function editCertificates(
  points: readonly GridPointResult[],
  match: (p: GridPointResult) => boolean,
  edit: (c: GridPointResult['certify'][number]) => GridPointResult['certify'][number],
): GridPointResult[] {
  return points.map((p) => (match(p) ? { ...p, certify: p.certify.map(edit) } : p));
}

describe('surrogate-lipschitz against the robust-return gain', () => {
  it('keeps conditions whose surrogate TV is vacuous: the Lipschitz value still falls', () => {
    // At ε = 0.15 the synthetic global TV is 1 up to 37.5% sparsity, dense included.
    const a = analyse(syntheticPoints({ attacks: [{ attack: 'mad', epsilon: 0.15 }] }));
    const g = a.groups[0]!;
    const tv = g.correlations.find((c) => c.bound === 'surrogate')!;
    expect(tv.n).toBe(0);
    expect(tv.reason).toMatch(/dense policy's surrogate bound at ε=0.15 is vacuous/);
    const lip = g.correlations.find((c) => c.bound === 'surrogate-lipschitz')!;
    expect(lip.excluded).toEqual([]);
    expect(lip.n).toBe(5);
    // Seed means: L = 50 (1 - s)^1.5 + 0.2, so the decrease at 50% is 1 - (50 * 0.5^1.5 + 0.2) / 50.2.
    expect(lip.points[2]!.boundDecrease).toBeCloseTo(1 - (50 * Math.pow(0.5, 1.5) + 0.2) / 50.2, 12);
    // MAD gains rank [1, 2, 3, 5, 4] against decreases [1, 2, 3, 4, 5].
    expect(lip.rho).toBeCloseTo(0.9, 12);
  });
});

describe('certified-gain correlations', () => {
  it('is 1 when the Lipschitz value falls and CROWN certified robustness rises at every sparsity, per seed too', () => {
    const a = analyse(syntheticPoints());
    const [c, ...rest] = a.groups[0]!.certifiedCorrelations;
    expect(rest).toEqual([]); // one MAD target, no worst case
    expect(c).toMatchObject({ bound: 'surrogate-lipschitz', method: 'crown', target: 'mad@0.075', epsilon: 0.075, n: 5, reason: null });
    expect(c!.rho).toBeCloseTo(1, 12);
    expect(c!.points[0]).toEqual({ sparsity: 0, boundDecrease: 0, certifiedGainPoints: 0 });
    // CROWN mean TV (seed mean) 0.3 (1 - s) + 0.002: from 0.302 dense to 0.152 at 50%, +15 points.
    expect(c!.points[2]!.certifiedGainPoints).toBeCloseTo(15, 10);
    expect(c!.seeds.map((s) => [s.seed, s.n, s.rho])).toEqual([
      [1, 5, 1],
      [2, 5, 1],
      [3, 5, 1],
    ]);
    expect(c!.seedSpread).toEqual({ mean: 1, min: 1, max: 1, n: 3 });
  });

  it('gives the per-seed rhos spread with 2 seeds', () => {
    // Seed 2 loses some certified robustness at 90% (CROWN mean TV 0.1, between 75%'s 0.077 and
    // 50%'s 0.152): its gains rank
    // [1, 2, 3, 5, 4] against the Lipschitz decrease [1, 2, 3, 4, 5], rho = 0.9; seed 1 stays at 1.
    const points = editCertificates(
      syntheticPoints({ seeds: [1, 2] }),
      (p) => p.seed === 2 && p.sparsity === 0.9,
      (c) => ({ ...c, perState: c.perState.map((ps) => (ps.method === 'crown' ? { ...ps, meanTv: 0.1 * (c.epsilon / 0.075) } : ps)) }),
    );
    const c = analyse(points).groups[0]!.certifiedCorrelations[0]!;
    expect(c.seeds.map((s) => s.rho)).toEqual([1, expect.closeTo(0.9, 12)]);
    expect(c.seedSpread!.n).toBe(2);
    expect(c.seedSpread!.mean).toBeCloseTo(0.95, 12);
    expect(c.seedSpread!.min).toBeCloseTo(0.9, 12);
    expect(c.seedSpread!.max).toBe(1);
  });

  it('has no seeds spread with a single seed', () => {
    const c = analyse(syntheticPoints({ seeds: [1] })).groups[0]!.certifiedCorrelations[0]!;
    expect(c.rho).toBeCloseTo(1, 12);
    expect(c.seeds).toHaveLength(1);
    expect(c.seedSpread).toBeNull();
  });

  it('is null with the reason when the dense policy is constant, and never NaN', () => {
    const points = editCertificates(syntheticPoints(), (p) => p.sparsity === 0, (c) => ({ ...c, constant: true }));
    const g = analyse(points).groups[0]!;
    const lip = g.correlations.find((c) => c.bound === 'surrogate-lipschitz')!;
    expect(lip.rho).toBeNull();
    expect(lip.reason).toMatch(/surrogate-lipschitz bound at ε=0.075 is constant/);
    expect(lip.excluded.map((x) => [x.sparsity, x.why])).toEqual([[0, 'constant']]);
    const c = g.certifiedCorrelations[0]!;
    expect(c.rho).toBeNull();
    expect(c.n).toBe(0);
    expect(c.reason).toMatch(/dense policy has no usable .* \(constant\)/);
    expect(c.seeds.every((s) => s.rho === null && /no certified dense run/.test(s.reason!))).toBe(true);
    expect(c.seedSpread).toBeNull();
    expect(JSON.stringify(g)).not.toMatch(/NaN|Infinity/);
  });

  it('is null when the Lipschitz value never changes, naming which variable is constant', () => {
    const points = editCertificates(syntheticPoints(), () => true, (c) => ({ ...c, lipschitzSurrogate: 42 }));
    const c = analyse(points).groups[0]!.certifiedCorrelations[0]!;
    expect(c.n).toBe(5);
    expect(c.rho).toBeNull();
    expect(c.reason).toBe('the bound decrease is the same at every point');
    const flat = editCertificates(syntheticPoints(), () => true, (c) => ({ ...c, perState: c.perState.map((ps) => ({ ...ps, meanTv: 0.5 })) }));
    expect(analyse(flat).groups[0]!.certifiedCorrelations[0]!.reason).toBe('the certified robustness gain is the same at every point');
  });

  it('leaves out conditions without a CROWN certificate', () => {
    const points = editCertificates(
      syntheticPoints(),
      (p) => p.sparsity === 0.5,
      (c) => ({ ...c, perState: c.perState.filter((ps) => ps.method !== 'crown') }),
    );
    const c = analyse(points).groups[0]!.certifiedCorrelations[0]!;
    expect(c.points.map((p) => p.sparsity)).toEqual([0, 0.25, 0.75, 0.9]);
    expect(c.excluded.map((x) => [x.sparsity, x.why])).toEqual([[0.5, 'uncertified']]);
    expect(c.seeds.map((s) => s.n)).toEqual([4, 4, 4]);
  });
});
