// Total-variation distance between two Gaussian policies with the same diagonal covariance
// diag(sigma^2): TV = 2 Phi(D/2) - 1 = erf(D / (2 sqrt 2)) with D = ||(mu1 - mu2) / sigma||_2
// (the Gaussians differ only along mu1 - mu2, which reduces it to one dimension). It is increasing
// in D, so any upper bound on D gives an upper bound on TV.
//
// We use this exact expression rather than the linearisation D / sqrt(2 pi): it is never larger, so
// it is tighter and equally sound. It is evaluated by a series of positive terms (no cancellation,
// relative error ~1e-15) and rounded up by TV_ROUNDING_SLACK so that evaluation error cannot make
// the bound smaller than the true TV.
import type { Bounds } from './bounds';

/** Outward margin on the evaluated TV; far above the series' error of ~1e-15. */
const TV_ROUNDING_SLACK = 1e-12;

/** Beyond this argument erf(x) > 1 - 1e-17, so the bound returns 1. */
const ERF_SATURATION = 6.5;

/** erf(x) for x >= 0 by erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1 3 5 ... (2n+1)). */
export function erf(x: number): number {
  if (x < 0) return -erf(-x);
  if (x >= ERF_SATURATION) return 1;
  let term = x;
  let sum = x;
  for (let n = 1; n < 500; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum);
}

/** Upper bound on TV between N(mu1, diag sigma^2) and N(mu2, diag sigma^2) given D >= ||...||_2. */
export function tvFromMahalanobis(d: number): number {
  if (!(d >= 0)) throw new Error(`tvFromMahalanobis: distance must be >= 0, got ${d}`);
  if (d === 0) return 0;
  return Math.min(1, erf(d / (2 * Math.SQRT2)) + TV_ROUNDING_SLACK, d / Math.sqrt(2 * Math.PI));
}

/** The paper's linearised form min(1, D / sqrt(2 pi)); an upper bound of tvFromMahalanobis. */
export function tvLinearised(d: number): number {
  return Math.min(1, d / Math.sqrt(2 * Math.PI));
}

/** sigma = exp(logStd), in float64. */
export function sigmaFromLogStd(logStd: ArrayLike<number>): Float64Array {
  return Float64Array.from(logStd as ArrayLike<number>, (v) => Math.exp(v));
}

/**
 * Largest Mahalanobis distance between mu and any mean inside the per-coordinate bounds:
 * D = || max(|lower - mu|, |upper - mu|) / sigma ||_2 (the corners of the box are the farthest).
 */
export function worstCaseMahalanobis(bounds: Bounds, mu: ArrayLike<number>, sigma: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < mu.length; j++) {
    const dev = Math.max(Math.abs(bounds.lower[j]! - mu[j]!), Math.abs(bounds.upper[j]! - mu[j]!));
    s += (dev / sigma[j]!) ** 2;
  }
  return Math.sqrt(s);
}

/** Per-state bound on max over the ball of TV(pi(.|s), pi(.|s')) from bounds on the action mean. */
export function tvFromActionBounds(bounds: Bounds, mu: ArrayLike<number>, sigma: ArrayLike<number>): number {
  return tvFromMahalanobis(worstCaseMahalanobis(bounds, mu, sigma));
}

/**
 * Global bound from a Lipschitz constant (L2 -> L2) of the action mean: the mean moves by at most
 * L * eps2, so D <= L * eps2 / sigma_min.
 */
export function tvFromLipschitz(lipschitz: number, l2Radius: number, sigma: ArrayLike<number>): number {
  let sigmaMin = Infinity;
  for (let j = 0; j < sigma.length; j++) sigmaMin = Math.min(sigmaMin, sigma[j]!);
  return tvFromMahalanobis((lipschitz * l2Radius) / sigmaMin);
}
