import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { meanShiftTv, regretBoundRow, returnBound, returnScale } from './regret-bounds';
import { evalOf, syntheticPoints } from './test-support/synthetic';
import type { CertifyResult, GridPointResult, ParameterPathResult } from './types';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

function cert(epsilon: number, crownMaxTv: number | null, globalTv = 1, constant = false): CertifyResult {
  return {
    epsilon, lipschitzSurrogate: 10, spectralProduct: 5, globalTv, constant,
    perState: crownMaxTv === null ? [] : [{ method: 'crown', meanTv: crownMaxTv / 2, medianTv: crownMaxTv / 2, maxTv: crownMaxTv, certifiedFraction: 0.5, meanWidth: 0.1, meanCertifiedRadius: 0.05 }],
  };
}

function point(sparsity: number, clean: number, mad: number, path: ParameterPathResult | null, certify: CertifyResult[]): GridPointResult {
  return {
    label: `s=${sparsity}`, env: 'E', seed: 1, kappa: 0, criterion: 'm', mode: 'during', structured: false, sparsity, clean: evalOf(clean),
    attacks: [{ attack: 'mad', epsilon: 0.1, result: evalOf(mad) }], certify, parameterPath: path, training: [], maskUpdates: [],
  };
}

const target = { key: 'mad@0.1', attack: 'mad', epsilon: 0.1, label: 'mad (ε=0.1)' };
// evalOf(m) has episodes m - 10, m, m + 10: the dense pair's largest |return| is 1010.
const dense = point(0, 1000, 400, null, [cert(0.1, 0.02)]);

function row(pruned: GridPointResult, horizon: number) {
  return regretBoundRow({ sparsity: pruned.sparsity, target, epsilon: 0.1, horizon, points: [pruned], denseBySeed: new Map([[1, dense]]), isDense: false });
}

describe('regret bound terms', () => {
  it('pin the constants: G, the mean-shift TV and 2 G min(1, H TV)', () => {
    expect(returnScale(evalOf(1000), evalOf(-1200))).toBe(1210);
    expect(meanShiftTv(1, 0.5)).toBeCloseTo(1 / (0.5 * SQRT_2PI), 15);
    expect(meanShiftTv(10, 0.5)).toBe(1);
    expect(returnBound(100, 1000, 0.0005)).toBe(100);
    expect(returnBound(100, 1000, 0.01)).toBe(200);
  });

  it('hold at the action level and in return, where the return bounds are vacuous at H = 1000', () => {
    // L_par ||dtheta|| = 0.5 * 2 = 1 >= 0.6 measured; TV_par = 1 / (0.5 sqrt(2 pi)) = 0.798; H TV_par >> 1.
    const pruned = point(0.5, 960, 600, { deltaNorm: 2, lPar: 0.5, measuredActionShift: 0.6, sigmaMin: 0.5 }, [cert(0.1, 0.01)]);
    const r = row(pruned, 1000);
    expect(r.actionShift).toMatchObject({ holds: true, holdsSeeds: 1, vacuous: null, vacuousSeeds: null });
    expect(r.actionShift!.bound.mean).toBe(1);
    expect(r.actionShift!.measured.mean).toBe(0.6);
    expect(r.tvPar!.mean).toBeCloseTo(1 / (0.5 * SQRT_2PI), 15);
    // |1000 - 960| = 40 <= 2 * 1010 * min(1, 1000 * 0.798) = 2020 = 2G: holds, vacuous.
    expect(r.pruningLoss).toMatchObject({ holds: true, vacuous: true, vacuousSeeds: 1 });
    expect(r.pruningLoss!.measured.mean).toBe(40);
    expect(r.pruningLoss!.bound.mean).toBe(2020);
    // Gap 960 - 600 = 360 <= 2 * 970 * min(1, 1000 * 0.01) = 1940 = 2G (pair: clean 950..970, MAD 590..610).
    expect(r.tvCertMethod).toBe('crown');
    expect(r.tvCert!.mean).toBe(0.01);
    expect(r.robustnessGap).toMatchObject({ holds: true, vacuous: true });
    expect(r.robustnessGap!.measured.mean).toBe(360);
    expect(r.robustnessGap!.bound.mean).toBe(1940);
    expect(r.notes).toEqual([]);
  });

  it('report a bound that does not hold', () => {
    // L_par ||dtheta|| = 0.002 < 0.6 measured: the action-level bound fails; with H = 1 so does the return bound.
    const pruned = point(0.5, 960, 600, { deltaNorm: 2, lPar: 0.001, measuredActionShift: 0.6, sigmaMin: 0.5 }, [cert(0.1, 0.01)]);
    const r = row(pruned, 1);
    expect(r.actionShift).toMatchObject({ holds: false, holdsSeeds: 0 });
    const tvPar = 0.002 / (0.5 * SQRT_2PI);
    expect(r.pruningLoss!.bound.mean).toBeCloseTo(2 * 1010 * tvPar, 12);
    expect(r.pruningLoss).toMatchObject({ holds: false, vacuous: false });
    // 360 > 2 * 970 * 0.01 = 19.4
    expect(r.robustnessGap!.bound.mean).toBeCloseTo(19.4, 12);
    expect(r.robustnessGap).toMatchObject({ holds: false, vacuous: false, vacuousSeeds: 0 });
  });

  it('fall back from CROWN to IBP to the global TV, and leave constant policies and missing certificates out', () => {
    const surrogateOnly = row(point(0.5, 960, 600, null, [cert(0.1, null, 0.003)]), 1);
    expect(surrogateOnly.tvCertMethod).toBe('surrogate');
    expect(surrogateOnly.tvCert!.mean).toBe(0.003);
    expect(surrogateOnly.actionShift).toBeNull();
    expect(surrogateOnly.notes[0]).toMatch(/no parameter path/);

    const constant = row(point(0.5, 960, 600, null, [cert(0.1, 0, 0, true)]), 1);
    expect(constant.robustnessGap).toBeNull();
    expect(constant.notes.some((n) => n.startsWith('constant policy for seed(s) 1'))).toBe(true);

    const elsewhere = row(point(0.5, 960, 600, null, [cert(0.2, 0.01)]), 1);
    expect(elsewhere.robustnessGap).toBeNull();
    expect(elsewhere.notes.some((n) => n.startsWith('no certificate at ε=0.1'))).toBe(true);
  });

  it('sit beside every regret row in analyse, the identity unchanged', () => {
    const a = analyse(syntheticPoints());
    const g = a.groups[0]!;
    expect(g.regretBounds.map((b) => [b.sparsity, b.target])).toEqual(g.regret.map((r) => [r.sparsity, r.target]));
    for (const b of g.regretBounds) {
      expect(b.horizon).toBe(1000);
      if (b.sparsity === 0) {
        expect(b.actionShift).toBeNull();
        expect(b.notes).toContain('dense policy: no pruning loss to bound');
      } else {
        // The synthetic measured shift is 60% of L_par ||dtheta||.
        expect(b.actionShift!.holds).toBe(true);
        expect(b.actionShift!.measured.n).toBe(3);
      }
      expect(b.epsilon).toBe(0.075);
      expect(b.robustnessGap!.measured.n).toBe(3);
    }
  });
});
