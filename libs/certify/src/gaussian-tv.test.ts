import { describe, expect, it } from 'vitest';
import { erf, tvFromActionBounds, tvFromLipschitz, tvFromMahalanobis, tvLinearised, worstCaseMahalanobis } from './gaussian-tv';

/** TV between N(0, 1) and N(d, 1) by the trapezoid rule on 0.5 * |p - q|. */
function numericTv(d: number): number {
  const pdf = (x: number): number => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  const lo = -12;
  const hi = d + 12;
  const n = 200_000;
  const h = (hi - lo) / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const x = lo + i * h;
    s += (i === 0 || i === n ? 0.5 : 1) * Math.abs(pdf(x) - pdf(x - d));
  }
  return 0.5 * s * h;
}

describe('Gaussian TV', () => {
  it('erf matches reference values', () => {
    expect(erf(0)).toBe(0);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 14);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 14);
    expect(erf(2)).toBeCloseTo(0.9953222650189527, 14);
    expect(erf(-1)).toBeCloseTo(-0.8427007929497149, 14);
    expect(erf(10)).toBe(1);
  });

  it('equals the TV of two unit Gaussians and never falls below it', () => {
    for (const d of [0.01, 0.3, 1, 2.5, 5]) {
      const exact = numericTv(d);
      expect(tvFromMahalanobis(d)).toBeGreaterThanOrEqual(exact - 1e-9);
      expect(tvFromMahalanobis(d)).toBeCloseTo(exact, 7);
    }
  });

  it('is at most the linearised bound and at most 1', () => {
    for (const d of [0, 1e-6, 0.5, 2, 10, 1e6]) {
      expect(tvFromMahalanobis(d)).toBeLessThanOrEqual(tvLinearised(d));
      expect(tvFromMahalanobis(d)).toBeLessThanOrEqual(1);
    }
    expect(tvFromMahalanobis(0)).toBe(0);
  });

  it('per-state bound uses the farthest corner of the box, scaled by sigma', () => {
    const bounds = { lower: Float64Array.of(-1, 0.5), upper: Float64Array.of(0.5, 3) };
    const mu = [0, 1];
    const sigma = [0.5, 2];
    // max deviations: 1 (coord 0) and 2 (coord 1); scaled: 2 and 1.
    expect(worstCaseMahalanobis(bounds, mu, sigma)).toBeCloseTo(Math.sqrt(5), 12);
    expect(tvFromActionBounds(bounds, mu, sigma)).toBeCloseTo(erf(Math.sqrt(5) / (2 * Math.SQRT2)), 10);
  });

  it('global bound divides by the smallest sigma', () => {
    expect(tvFromLipschitz(2, 0.1, [1, 0.5, 4])).toBeCloseTo(tvFromMahalanobis(0.4), 12);
  });
});
