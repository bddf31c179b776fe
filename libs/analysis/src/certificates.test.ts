import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { certificateEpsilon, perStateLabel, summariseCertificates, surrogateLabel, VACUOUS_TV } from './certificates';
import { certifiedGains } from './certified-gain';
import { syntheticCertificates, syntheticPoints } from './test-support/synthetic';
import type { CertifyResult, PerStateCertificate } from './types';

function ps(method: string, meanTv: number, certifiedFraction: number, meanCertifiedRadius: number | null, maxTv = meanTv): PerStateCertificate {
  return { method, meanTv, medianTv: meanTv, maxTv, certifiedFraction, meanWidth: 1, meanCertifiedRadius };
}

function cert(globalTv: number, perState: PerStateCertificate[], constant = false, epsilon = 0.1): CertifyResult {
  return { epsilon, lipschitzSurrogate: constant ? 0 : 10, spectralProduct: constant ? 0 : 5, globalTv, constant, perState };
}

describe('bound labels', () => {
  it('calls the surrogate vacuous from a global TV of 0.999', () => {
    expect(VACUOUS_TV).toBe(0.999);
    expect(surrogateLabel(cert(0.999, []))).toBe('vacuous');
    expect(surrogateLabel(cert(0.998, []))).toBe('ok');
    expect(surrogateLabel(cert(0, [], true))).toBe('constant');
  });

  it('calls a per-state bound vacuous only when no state is certified, the radius is 0 or absent, and the mean TV is ~1', () => {
    const c = cert(1, []);
    expect(perStateLabel(c, ps('crown', 0.9995, 0, 0))).toBe('vacuous');
    expect(perStateLabel(c, ps('crown', 1, 0, null))).toBe('vacuous');
    expect(perStateLabel(c, ps('crown', 1, 0, 0.001))).toBe('ok'); // a radius was certified
    expect(perStateLabel(c, ps('crown', 1, 0.01, 0))).toBe('ok'); // one state in a hundred was
    expect(perStateLabel(c, ps('crown', 0.99, 0, 0))).toBe('ok'); // the TV bound is below 1
    expect(perStateLabel(cert(0, [], true), ps('crown', 0, 1, 0.5))).toBe('constant');
  });
});

describe('certified robustness per method', () => {
  it('is 1 - global TV for the surrogate and 1 - mean TV per state method, over the seeds that are not constant', () => {
    const s = summariseCertificates(
      0.1,
      [1, 2, 3],
      [
        cert(0.8, [ps('crown', 0.6, 0.2, 0.05), ps('ibp', 1, 0, 0)]),
        cert(0.6, [ps('crown', 0.4, 0.4, 0.07), ps('ibp', 0.9, 0.1, 0.01)]),
        cert(0, [ps('crown', 0, 1, 1), ps('ibp', 0, 1, 1)], true),
      ],
    );
    expect(s.epsilon).toEqual({ mean: 0.1, std: 0, n: 3 });
    expect(s.constantSeeds).toEqual([3]);
    expect(s.methods.map((m) => m.method)).toEqual(['surrogate', 'crown', 'ibp']);
    const [surrogate, crown, ibp] = s.methods;
    expect(surrogate!.certifiedRobustness!.mean).toBeCloseTo((0.2 + 0.4) / 2, 12);
    expect(surrogate!.certifiedRobustness!.n).toBe(2);
    expect(surrogate!.labels).toEqual(['ok', 'ok', 'constant']);
    expect(crown!.certifiedRobustness!.mean).toBeCloseTo((0.4 + 0.6) / 2, 12);
    expect(crown!.certifiedFraction!.mean).toBeCloseTo(0.3, 12);
    expect(crown!.meanCertifiedRadius!.mean).toBeCloseTo(0.06, 12);
    expect(ibp!.labels).toEqual(['vacuous', 'ok', 'constant']);
    expect(ibp!.certifiedRobustness!.mean).toBeCloseTo(0.05, 12);
    // each seed's own value, aligned with the seeds; the constant seed has none
    const rounded = (values: Array<number | null>) => values.map((v) => (v === null ? null : Number(v.toFixed(12))));
    expect(rounded(surrogate!.seedValues)).toEqual([0.2, 0.4, null]);
    expect(rounded(crown!.seedValues)).toEqual([0.4, 0.6, null]);
    expect(rounded(ibp!.seedValues)).toEqual([0, 0.1, null]);
    // Any constant or vacuous seed keeps the condition out of that bound's correlations.
    expect(s.methods.map((m) => m.excludedFromCorrelations)).toEqual([true, true, true]);
    // The raw Lipschitz statistics keep every seed (a constant policy's surrogate is really 0).
    expect(s.lipschitzSurrogate.n).toBe(3);
  });

  it('pairs an attack with the certificate at its own epsilon, and the worst case with the largest attacked one', () => {
    const targets = [
      { key: 'mad@0.05', attack: 'mad', epsilon: 0.05, label: '' },
      { key: 'mad@0.1', attack: 'mad', epsilon: 0.1, label: '' },
      { key: 'worst', attack: 'worst', epsilon: null, label: '' },
    ];
    expect(targets.map((t) => certificateEpsilon(t, targets))).toEqual([0.05, 0.1, 0.1]);
  });

  it('pairs a certificate whose epsilon went through a float32 field, and no other', () => {
    const f32 = Math.fround(0.075); // 0.07500000298...
    const points = syntheticPoints({ certifyEpsilons: [f32, 0.0751] });
    const g = analyse(points).groups[0]!;
    const crown = g.correlations.find((c) => c.bound === 'crown-mean-tv')!;
    expect(crown.points.map((p) => p.sparsity)).toEqual([0, 0.25, 0.5, 0.75, 0.9]);
    const paired = g.conditions[0]!.certificates.find((c) => c.epsilon.mean === f32)!;
    expect(g.sweetSpots[0]!.spot!.certifiedGains[1]!.dense).toBe(paired.methods[1]!.certifiedRobustness!.mean);
  });
});

describe('certified robustness gain', () => {
  it('is the relative and absolute change of 1 - TV from the dense policy at the same epsilon', () => {
    const dense = summariseCertificates(0.1, [1], [cert(0.9, [ps('crown', 0.6, 0.1, 0.02)])]);
    const sweet = summariseCertificates(0.1, [1], [cert(0.7, [ps('crown', 0.5, 0.3, 0.04)])]);
    const [surrogate, crown] = certifiedGains(0.1, sweet, dense);
    // crown: (0.5 - 0.4) / 0.4 = +25%, +10 points
    expect(crown!.method).toBe('crown');
    expect(crown!.sweet).toBeCloseTo(0.5, 12);
    expect(crown!.dense).toBeCloseTo(0.4, 12);
    expect(crown!.gainPercent).toBeCloseTo(25, 10);
    expect(crown!.gainPoints).toBeCloseTo(10, 10);
    expect(crown!.note).toBeNull();
    // surrogate: (0.3 - 0.1) / 0.1 = +200%, +20 points
    expect(surrogate!.gainPercent).toBeCloseTo(200, 10);
    expect(surrogate!.gainPoints).toBeCloseTo(20, 10);
  });

  it('gives no percentage over a near-zero (here vacuous) dense certificate, and none for a constant policy', () => {
    const dense = summariseCertificates(0.1, [1], [cert(1, [ps('crown', 0.98, 0, 0)])]);
    const sweet = summariseCertificates(0.1, [1], [cert(0.999, [ps('crown', 0.7, 0.2, 0.01)])]);
    const [surrogate, crown] = certifiedGains(0.1, sweet, dense);
    expect(crown!.gainPercent).toBeNull();
    expect(crown!.gainPoints).toBeCloseTo(28, 10);
    expect(crown!.note).toBe('gain over a near-zero baseline (dense certified robustness 0.02 < 0.05)');
    expect(surrogate!.sweetLabel).toBe('vacuous');
    expect(surrogate!.denseLabel).toBe('vacuous');

    const constant = summariseCertificates(0.1, [1], [cert(0, [ps('crown', 0, 1, 1)], true)]);
    const [, c] = certifiedGains(0.1, constant, dense);
    expect(c!.sweet).toBeNull();
    expect(c!.gainPercent).toBeNull();
    expect(c!.sweetLabel).toBe('constant');
    expect(c!.note).toMatch(/constant/);
  });

  it("is attached to each sweet spot at its attack's epsilon", () => {
    const points = syntheticPoints({ attacks: [{ attack: 'mad', epsilon: 0.075 }, { attack: 'mad', epsilon: 0.15 }] });
    const g = analyse(points).groups[0]!;
    for (const s of g.sweetSpots) {
      const eps = s.target === 'mad@0.075' ? 0.075 : 0.15;
      expect(s.spot!.certificateEpsilon).toBe(eps);
      const crown = s.spot!.certifiedGains.find((x) => x.method === 'crown')!;
      const sweet = g.conditions.find((c) => c.sparsity === s.spot!.sparsity)!.certificates.find((c) => c.epsilon.mean === eps)!;
      expect(crown.sweet).toBe(sweet.methods.find((m) => m.method === 'crown')!.certifiedRobustness!.mean);
      expect(crown.epsilon).toBe(eps);
    }
  });
});

describe('vacuous and constant bounds in correlations', () => {
  it('leaves vacuous bounds out, and gives no correlation when the dense bound is vacuous', () => {
    // At 0.15 the synthetic global TV is 1 up to 37.5% sparsity, so the dense surrogate is vacuous there.
    const points = syntheticPoints({ attacks: [{ attack: 'mad', epsilon: 0.15 }] });
    const g = analyse(points).groups[0]!;
    const surrogate = g.correlations.find((c) => c.bound === 'surrogate')!;
    expect(surrogate.rho).toBeNull();
    expect(surrogate.reason).toBe("the dense policy's surrogate bound at ε=0.15 is vacuous: no decrease to measure");
    expect(surrogate.excluded.map((x) => [x.sparsity, x.why])).toEqual([[0, 'vacuous'], [0.25, 'vacuous']]);
    expect(surrogate.points).toEqual([]);
    // IBP at 0.15 is vacuous for the dense policy only (no state certified, radius 0, TV 1).
    const ibp = g.correlations.find((c) => c.bound === 'ibp-mean-tv')!;
    expect(ibp.excluded.map((x) => [x.sparsity, x.why])).toEqual([[0, 'vacuous']]);
    // CROWN is informative everywhere and keeps every sparsity, read at epsilon 0.15.
    const crown = g.correlations.find((c) => c.bound === 'crown-mean-tv')!;
    expect(crown.excluded).toEqual([]);
    expect(crown.points.map((p) => p.epsilon)).toEqual([0.15, 0.15, 0.15, 0.15, 0.15]);
    const dense015 = g.conditions[0]!.certificates.find((c) => c.epsilon.mean === 0.15)!;
    const s50 = g.conditions[2]!.certificates.find((c) => c.epsilon.mean === 0.15)!;
    const decrease = (dense015.perState[0]!.meanTv.mean - s50.perState[0]!.meanTv.mean) / dense015.perState[0]!.meanTv.mean;
    expect(crown.points[2]!.boundDecrease).toBeCloseTo(decrease, 12);
  });

  it('labels a constant policy, warns naming it, and leaves it out of correlations and certified gains', () => {
    const points = syntheticPoints({ certifyEpsilons: [0.075] }).map((p) =>
      p.sparsity === 0.9 && p.seed === 2
        ? { ...p, certify: [{ ...syntheticCertificates(0.9, 2, [0.075])[0]!, constant: true, lipschitzSurrogate: 0, globalTv: 0 }] }
        : p,
    );
    const a = analyse(points);
    const g = a.groups[0]!;
    const c90 = g.conditions.find((c) => c.sparsity === 0.9)!.certificates[0]!;
    expect(c90.constantSeeds).toEqual([2]);
    expect(c90.methods[0]!.labels).toEqual(['ok', 'constant', 'ok']);
    expect(c90.methods[0]!.certifiedRobustness!.n).toBe(2);
    for (const c of g.correlations) {
      expect(c.excluded).toEqual([{ env: 'Hopper-v4', kappa: 0, criterion: 'magnitude', sparsity: 0.9, why: 'constant' }]);
      expect(c.points.map((p) => p.sparsity)).toEqual([0, 0.25, 0.5, 0.75]);
    }
    expect(a.warnings.some((w) => w.includes('constant policy') && w.includes('Hopper-v4/seed=2/kappa=0/magnitude/s=0.9 (ε=0.075)'))).toBe(true);
  });
});
