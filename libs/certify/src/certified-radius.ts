// Per-state certified radius: the largest epsilon whose worst-case TV bound stays under a threshold,
// found by bisection. The answer is sound even where a bound is not monotone in epsilon (CROWN's
// relaxations change with epsilon): the returned radius r was itself checked, TV_bound(r) <= threshold,
// and every smaller ball lies inside the ball of radius r.
import type { Mlp } from '@rlprune/nn';
import type { BallNorm } from './ball';
import { BALL_NORMS, l2Radius } from './ball';
import type { Mlp64 } from './float64-mlp';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { sigmaFromLogStd, tvFromActionBounds, tvFromLipschitz } from './gaussian-tv';
import type { CertifyMethod } from './methods';
import { CERTIFY_METHODS, boundActionMean, isPerStateMethod } from './methods';
import { spectralProduct, surrogateLipschitz } from './norms';
import { check, InvalidArgumentError, show } from '@rlprune/errors';
import { checkLogStd, checkOneOf, checkProbability, checkState } from './validate';

export interface CertifiedRadiusOptions {
  /** The TV bound must stay at or below this (a probability in [0, 1]). */
  threshold: number;
  /** Bound used at each trial radius. Default 'crown'. */
  method?: CertifyMethod;
  /** Norm of the ball. Default 'linf'. */
  norm?: BallNorm;
  /** Largest radius searched; a state certified there reports this value. Default 1. */
  maxEpsilon?: number;
  /** Bisection stops when the bracket is narrower than this. Default 1e-4. */
  tolerance?: number;
}

const DEFAULTS = { method: 'crown' as CertifyMethod, norm: 'linf' as BallNorm, maxEpsilon: 1, tolerance: 1e-4 };

/** Certified radius of one state (checks its inputs). */
export function certifiedRadius(
  actor: Mlp,
  logStd: ArrayLike<number>,
  state: ArrayLike<number>,
  options: CertifiedRadiusOptions,
): number {
  check.mlpShape('actor', actor, { float32: false });
  const opts = { ...DEFAULTS, ...options };
  checkOneOf('method', opts.method, CERTIFY_METHODS);
  checkOneOf('norm', opts.norm, BALL_NORMS);
  checkProbability(opts.threshold, 'threshold');
  if (!(opts.maxEpsilon > 0 && Number.isFinite(opts.maxEpsilon)))
    throw new InvalidArgumentError('maxEpsilon', 'a finite number > 0', show(opts.maxEpsilon));
  if (!(opts.tolerance > 0)) throw new InvalidArgumentError('tolerance', 'a number > 0', show(opts.tolerance));
  const net = toFloat64Mlp(actor);
  checkLogStd(logStd, net.layers[net.layers.length - 1]!.outDim);
  checkState(state, net.layers[0]!.inDim);
  const lipschitz = opts.method === 'lipschitz' ? surrogateLipschitz(actor) : opts.method === 'spectral' ? spectralProduct(actor) : 0;
  return radiusOnNet(net, sigmaFromLogStd(logStd), state, lipschitz, opts);
}

/**
 * Bisection on an already converted net (no input checks). `lipschitz` is used by the global
 * methods only.
 */
export function radiusOnNet(
  net: Mlp64,
  sigma: ArrayLike<number>,
  state: ArrayLike<number>,
  lipschitz: number,
  opts: Required<CertifiedRadiusOptions>,
): number {
  const mu = forwardMean(net, state);
  const method = opts.method;
  const tvAt = (eps: number): number =>
    isPerStateMethod(method)
      ? tvFromActionBounds(boundActionMean(net, state, eps, method, opts.norm), mu, sigma)
      : tvFromLipschitz(lipschitz, l2Radius(eps, opts.norm, net.layers[0]!.inDim), sigma);
  if (tvAt(opts.maxEpsilon) <= opts.threshold) return opts.maxEpsilon;
  // Invariant: lo is certified (radius 0 always is: the TV bound there is 0), hi is not.
  let lo = 0;
  let hi = opts.maxEpsilon;
  while (hi - lo > opts.tolerance) {
    const mid = (lo + hi) / 2;
    if (tvAt(mid) <= opts.threshold) lo = mid;
    else hi = mid;
  }
  return lo;
}
