// The one entry point of the certifier service and the CLI: global bounds of a policy and, given
// states, per-state bounds and TV statistics for each requested method, side by side, with each
// method's mean certified radius (the per-state bisection of certified-radius.ts at tvThreshold,
// averaged over the states) and the constant-policy flag (constant-policy.ts): a constant actor's
// bounds are 0 and certify nothing.
import type { Mlp } from '@rlprune/nn';
import type { BallNorm } from './ball';
import { BALL_NORMS } from './ball';
import type { Bounds } from './bounds';
import { radiusOnNet } from './certified-radius';
import { isConstantPolicy } from './constant-policy';
import { check, InvalidArgumentError, show } from '@rlprune/errors';
import type { Mlp64 } from './float64-mlp';
import { forwardMean, toFloat64Mlp } from './float64-mlp';
import { sigmaFromLogStd, tvFromActionBounds } from './gaussian-tv';
import type { GlobalBounds } from './global-bounds';
import { globalBounds } from './global-bounds';
import type { CertifyMethod } from './methods';
import { CERTIFY_METHODS, boundActionMean, isPerStateMethod } from './methods';
import type { LayerNorms } from './norms';
import { layerNorms } from './norms';
import { checkEpsilon, checkLogStd, checkOneOf, checkProbability, checkStates } from './validate';

export interface CertifyPolicyRequest {
  /** Actor MLP: normalised observation -> action mean. */
  actor: Mlp;
  /** Gaussian log standard deviation per action coordinate. */
  logStd: ArrayLike<number>;
  /** Normalised observations, as the actor sees them; needed by per-state statistics. */
  states?: ArrayLike<ArrayLike<number>>;
  /** Radius of the perturbation ball, in normalised observation units. */
  epsilon: number;
  /** Norm of the ball. Default 'linf' (the project's attack budget). */
  norm?: BallNorm;
  /** Methods for per-state statistics. Default all four. */
  methods?: CertifyMethod[];
  /** A state counts as certified when its TV bound is at most this. Default 0.1. */
  tvThreshold?: number;
  /** Return each state's lower/upper bounds and action mean. Default false. */
  includeBounds?: boolean;
  /**
   * Compute each method's mean certified radius over the states (a bisection of about 15 bound
   * evaluations per state). Default true.
   */
  certifiedRadius?: boolean;
  /** Largest radius the bisection searches; a state certified there reports it. Default 1 (as certified-radius.ts). */
  radiusMax?: number;
  /** Bisection stops when its bracket is narrower than this. Default 1e-4 (as certified-radius.ts). */
  radiusTolerance?: number;
}

export interface PerStateStats {
  method: CertifyMethod;
  /** Mean over states of the worst-case TV bound: the paper's certified robustness (lower is better). */
  meanTv: number;
  medianTv: number;
  maxTv: number;
  /** Fraction of states with TV bound <= tvThreshold. */
  certifiedFraction: number;
  /** Mean over states and action coordinates of upper - lower. */
  meanWidth: number;
  /** Mean over states of the largest radius whose TV bound is <= tvThreshold (with certifiedRadius). */
  meanCertifiedRadius?: number;
  /** Per state, per coordinate bounds of the action mean (with includeBounds). */
  lower?: Float64Array[];
  upper?: Float64Array[];
  /** Per state action mean (with includeBounds). */
  means?: Float64Array[];
}

export interface CertifyPolicyResult {
  epsilon: number;
  norm: BallNorm;
  tvThreshold: number;
  /**
   * No input reaches an output through nonzero weights (constant-policy.ts): the action mean ignores
   * the observation, every bound is trivially 0, and none of them is a certificate of robustness.
   */
  constant: boolean;
  layerNorms: LayerNorms[];
  global: GlobalBounds;
  /** One entry per requested method, in request order; empty without states. */
  perState: PerStateStats[];
}

export function certifyPolicy(request: CertifyPolicyRequest): CertifyPolicyResult {
  const { actor, logStd, states, epsilon } = request;
  const norm = checkOneOf('norm', request.norm ?? 'linf', BALL_NORMS);
  const methods = request.methods ?? [...CERTIFY_METHODS];
  if (!Array.isArray(methods) || methods.length === 0)
    throw new InvalidArgumentError('methods', `a non-empty list of ${CERTIFY_METHODS.join('|')}`, show(methods));
  methods.forEach((m, i) => checkOneOf(`methods[${i}]`, m, CERTIFY_METHODS));
  const tvThreshold = request.tvThreshold ?? 0.1;
  checkProbability(tvThreshold, 'tvThreshold');
  checkEpsilon(epsilon);
  check.mlpShape('actor', actor, { float32: false });
  const radius = { maxEpsilon: request.radiusMax ?? 1, tolerance: request.radiusTolerance ?? 1e-4 };
  if (!(radius.maxEpsilon > 0 && Number.isFinite(radius.maxEpsilon)))
    throw new InvalidArgumentError('radiusMax', 'a finite number > 0', show(radius.maxEpsilon));
  if (!(radius.tolerance > 0)) throw new InvalidArgumentError('radiusTolerance', 'a number > 0', show(radius.tolerance));
  const net = toFloat64Mlp(actor);
  checkLogStd(logStd, net.layers[net.layers.length - 1]!.outDim);
  if (states !== undefined) checkStates(states, net.layers[0]!.inDim);

  const sigma = sigmaFromLogStd(logStd);
  const global = globalBounds(actor, sigma, epsilon, norm);
  const result: CertifyPolicyResult = {
    epsilon,
    norm,
    tvThreshold,
    constant: isConstantPolicy(net),
    layerNorms: actor.layers.map(layerNorms),
    global,
    perState: [],
  };
  if (states === undefined) return result;
  const means = Array.from({ length: states.length }, (_, s) => forwardMean(net, states[s]!));
  for (const method of methods) {
    const bounds = Array.from({ length: states.length }, (_, s) => boundsFor(net, states[s]!, means[s]!, epsilon, method, norm, global));
    // A global method bounds the whole change vector, ||mu(s') - mu(s)||_2 <= L eps2, which is
    // tighter for TV than the box mu +- L eps2 it implies per coordinate.
    const globalTv = method === 'lipschitz' ? global.tv.surrogate : global.tv.spectral;
    const tv = bounds.map((b, s) => (isPerStateMethod(method) ? tvFromActionBounds(b, means[s]!, sigma) : globalTv));
    const stats: PerStateStats = { method, ...summarise(tv, tvThreshold), meanWidth: meanWidth(bounds) };
    if (request.certifiedRadius ?? true) {
      const opts = { ...radius, threshold: tvThreshold, method, norm };
      const lipschitz = method === 'lipschitz' ? global.surrogateLipschitz : global.spectralProduct;
      // A global method's radius is the same at every state.
      const radii = isPerStateMethod(method)
        ? Array.from({ length: states.length }, (_, s) => radiusOnNet(net, sigma, states[s]!, lipschitz, opts))
        : [radiusOnNet(net, sigma, states[0]!, lipschitz, opts)];
      stats.meanCertifiedRadius = radii.reduce((acc, r) => acc + r, 0) / radii.length;
    }
    if (request.includeBounds) {
      stats.lower = bounds.map((b) => b.lower);
      stats.upper = bounds.map((b) => b.upper);
      stats.means = means;
    }
    result.perState.push(stats);
  }
  return result;
}

/**
 * Per-coordinate bounds by a method. A global method bounds ||mu(s') - mu(s)||_2 by L * eps2, hence
 * every coordinate by mu_j(s) +- L * eps2.
 */
function boundsFor(
  net: Mlp64,
  state: ArrayLike<number>,
  mu: Float64Array,
  epsilon: number,
  method: CertifyMethod,
  norm: BallNorm,
  global: GlobalBounds,
): Bounds {
  if (isPerStateMethod(method)) return boundActionMean(net, state, epsilon, method, norm);
  const change = method === 'lipschitz' ? global.actionChange.surrogate : global.actionChange.spectral;
  return { lower: mu.map((m) => m - change), upper: mu.map((m) => m + change) };
}

function summarise(tv: number[], threshold: number): Omit<PerStateStats, 'method' | 'meanWidth'> {
  const sorted = [...tv].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return {
    meanTv: tv.reduce((a, b) => a + b, 0) / n,
    medianTv: median,
    maxTv: sorted[n - 1]!,
    certifiedFraction: tv.filter((v) => v <= threshold).length / n,
  };
}

function meanWidth(bounds: Bounds[]): number {
  let s = 0;
  let n = 0;
  for (const b of bounds)
    for (let j = 0; j < b.lower.length; j++) {
      s += b.upper[j]! - b.lower[j]!;
      n++;
    }
  return s / n;
}
