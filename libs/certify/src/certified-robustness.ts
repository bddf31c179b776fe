// The paper's robustness measure: the worst-case TV distance of the policy over the ball, averaged
// over states. Smaller is more robust.
import { check } from '@rlprune/errors';
import type { Mlp } from '@rlprune/nn';
import type { BallNorm } from './ball';
import { BALL_NORMS } from './ball';
import type { Bounds } from './bounds';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import type { Mlp64 } from './float64-mlp';
import { globalBounds } from './global-bounds';
import { sigmaFromLogStd, tvFromActionBounds } from './gaussian-tv';
import type { CertifyMethod } from './methods';
import { CERTIFY_METHODS, boundActionMean, isPerStateMethod } from './methods';
import { checkEpsilon, checkLogStd, checkOneOf, checkStates } from './validate';

export interface PerStateTv {
  /** Worst-case TV bound of each state. */
  tv: Float64Array;
  /** Action mean at each (unperturbed) state. */
  means: Float64Array[];
  /** Bounds on the action mean over each ball. */
  bounds: Bounds[];
}

/** Per-state TV bounds by IBP or CROWN on an already converted net (no input checks). */
export function perStateTv(
  net: Mlp64,
  sigma: ArrayLike<number>,
  states: ArrayLike<ArrayLike<number>>,
  epsilon: number,
  method: 'ibp' | 'crown',
  norm: BallNorm,
): PerStateTv {
  const tv = new Float64Array(states.length);
  const means: Float64Array[] = [];
  const bounds: Bounds[] = [];
  for (let s = 0; s < states.length; s++) {
    const mu = forwardMean(net, states[s]!);
    const b = boundActionMean(net, states[s]!, epsilon, method, norm);
    tv[s] = tvFromActionBounds(b, mu, sigma);
    means.push(mu);
    bounds.push(b);
  }
  return { tv, means, bounds };
}

/**
 * Mean over states of the worst-case TV bound. A global method gives the same bound at every
 * state, so its mean is that bound.
 */
export function certifiedRobustness(
  actor: Mlp,
  logStd: ArrayLike<number>,
  states: ArrayLike<ArrayLike<number>>,
  epsilon: number,
  method: CertifyMethod,
  norm: BallNorm = 'linf',
): number {
  check.mlpShape('actor', actor, { float32: false });
  checkOneOf('method', method, CERTIFY_METHODS);
  checkOneOf('norm', norm, BALL_NORMS);
  checkEpsilon(epsilon);
  const net = toFloat64Mlp(actor);
  checkLogStd(logStd, net.layers[net.layers.length - 1]!.outDim);
  checkStates(states, net.layers[0]!.inDim);
  const sigma = sigmaFromLogStd(logStd);
  if (!isPerStateMethod(method)) {
    const g = globalBounds(actor, sigma, epsilon, norm);
    return method === 'lipschitz' ? g.tv.surrogate : g.tv.spectral;
  }
  const { tv } = perStateTv(net, sigma, states, epsilon, method, norm);
  let sum = 0;
  for (const v of tv) sum += v;
  return sum / tv.length;
}
