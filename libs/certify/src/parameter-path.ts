// The paper's pruning-loss term L_par * ||delta theta|| (issue 15 item 4): how far pruning can move
// the action mean, from the sensitivity of the mean to the actor's *parameters*. (path-sensitivity.ts
// is the input Jacobian d mu / d s, a different quantity.)
//
// theta = every actor weight (mask folded in) and bias; delta = theta_pruned - theta_dense; the path is
// theta(t) = theta_dense + t delta, t in [0, 1]. For every state s,
//   mu(s; theta_pruned) - mu(s; theta_dense) = int_0^1 J(s; theta(t)) delta dt,
// with J = d mu / d theta (actDim x P), so ||mu_pruned(s) - mu_dense(s)||_2 <= (int_0^1 ||J||_op dt) ||delta||_2
// and the same holds for the mean over states. ||J||_op is the square root of the largest eigenvalue
// of J J^T (actDim x actDim), which needs no P-wide row: d mu_i / d W_k = g_k^i h_{k-1}^T and
// d mu_i / d b_k = g_k^i, where g_k^i is the gradient of mu_i with respect to layer k's
// pre-activation (one backward pass per action coordinate) and h_{k-1} the layer's input, so
//   (J J^T)_ij = sum_k (g_k^i . g_k^j) (1 + ||h_{k-1}||^2).
// Everything runs in float64. The t-integral is the trapezoid rule on `steps` intervals (default 10,
// as path-sensitivity.ts): an approximation of the integral, not a bound on it, so the reported
// L_par * deltaNorm is the paper's bound up to quadrature error (tests check it holds on random and
// trained nets). sigmaMin (the smaller of the two policies' smallest action standard deviation) turns
// an action shift into a TV bound downstream.
import type { Mlp } from '@rlprune/nn';
import { check, InvalidArgumentError, show } from '@rlprune/errors';
import type { Mlp64 } from './float64-mlp';
import { activate, activationSlope, affine, forwardMean, toFloat64Mlp } from './float64-mlp';
import { sigmaFromLogStd } from './gaussian-tv';
import { interpolate } from './path-sensitivity';
import { largestSymmetricEigenvalue } from './symmetric-eigen';
import { checkLogStd, checkStates } from './validate';

export interface ParameterPathOptions {
  /** Trapezoid intervals on t in [0, 1] (steps + 1 evaluation points, both ends included). Default 10. */
  steps?: number;
}

/** A Gaussian policy's actor and log standard deviation. */
export interface ActorPolicy {
  actor: Mlp;
  logStd: ArrayLike<number>;
}

export interface ParameterPath {
  /** ||theta_pruned - theta_dense||_2 over the actor's effective weights and biases. */
  deltaNorm: number;
  /** Mean over states of the path average of ||d mu / d theta||_op. */
  lPar: number;
  /** Mean over states of ||mu_pruned(s) - mu_dense(s)||_2. */
  measuredActionShift: number;
  /** min_j sigma_j over both policies. */
  sigmaMin: number;
  /** Per state: the path average of the operator norm, and the measured action shift. */
  perState: { lPar: Float64Array; actionShift: Float64Array };
  /** Mean operator norm over states at each evaluation point. */
  points: { t: number; meanOperatorNorm: number }[];
}

export function parameterPath(
  dense: ActorPolicy,
  pruned: ActorPolicy,
  states: ArrayLike<ArrayLike<number>>,
  options: ParameterPathOptions = {},
): ParameterPath {
  const steps = options.steps ?? 10;
  if (!Number.isInteger(steps) || steps < 1)
    throw new InvalidArgumentError('steps', 'an integer >= 1', show(steps));
  check.mlpShape('dense.actor', dense.actor, { float32: false });
  check.mlpShape('pruned.actor', pruned.actor, { float32: false });
  checkSameShape(dense.actor, pruned.actor);
  const a = toFloat64Mlp(dense.actor);
  const b = toFloat64Mlp(pruned.actor);
  const actDim = a.layers[a.layers.length - 1]!.outDim;
  checkLogStd(dense.logStd, actDim, 'dense.logStd');
  checkLogStd(pruned.logStd, actDim, 'pruned.logStd');
  checkStates(states, a.layers[0]!.inDim);

  let delta2 = 0;
  a.layers.forEach((l, k) => {
    const m = b.layers[k]!;
    for (let i = 0; i < l.w.length; i++) delta2 += (m.w[i]! - l.w[i]!) ** 2;
    for (let i = 0; i < l.b.length; i++) delta2 += (m.b[i]! - l.b[i]!) ** 2;
  });

  const n = states.length;
  const perStateLPar = new Float64Array(n);
  const actionShift = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const mu0 = forwardMean(a, states[s]!);
    const mu1 = forwardMean(b, states[s]!);
    let d = 0;
    for (let j = 0; j < actDim; j++) d += (mu1[j]! - mu0[j]!) ** 2;
    actionShift[s] = Math.sqrt(d);
  }
  const points: ParameterPath['points'] = [];
  for (let p = 0; p <= steps; p++) {
    const t = p / steps;
    const net = interpolate(a, b, t);
    const weight = (p === 0 || p === steps ? 0.5 : 1) / steps;
    let sum = 0;
    for (let s = 0; s < n; s++) {
      const norm = Math.sqrt(
        Math.max(0, largestSymmetricEigenvalue(parameterJacobianGram(net, states[s]!), actDim)),
      );
      perStateLPar[s]! += weight * norm;
      sum += norm;
    }
    points.push({ t, meanOperatorNorm: sum / n });
  }
  let sigmaMin = Infinity;
  for (const sd of [sigmaFromLogStd(dense.logStd), sigmaFromLogStd(pruned.logStd)])
    for (const v of sd) sigmaMin = Math.min(sigmaMin, v);
  return {
    deltaNorm: Math.sqrt(delta2),
    lPar: mean(perStateLPar),
    measuredActionShift: mean(actionShift),
    sigmaMin,
    perState: { lPar: perStateLPar, actionShift },
    points,
  };
}

/**
 * J J^T at x, row-major [actDim, actDim], with J = d mu(x; theta) / d theta over every weight and
 * bias: one backward pass per action coordinate, then (J J^T)_ij = sum_k (g_k^i . g_k^j)(1 + ||h_{k-1}||^2).
 */
export function parameterJacobianGram(net: Mlp64, x: ArrayLike<number>): Float64Array {
  const depth = net.layers.length;
  // inputs[k] is layer k's input h_{k-1}; slopes[k] the activation slope after layer k (k < depth - 1).
  const inputs: Float64Array[] = [Float64Array.from(x)];
  const slopes: Float64Array[] = [];
  for (let k = 0; k < depth - 1; k++) {
    const z = affine(net.layers[k]!, inputs[k]!);
    slopes.push(z.map((v) => activationSlope(net.activation, v)));
    inputs.push(z.map((v) => activate(net.activation, v)));
  }
  const actDim = net.layers[depth - 1]!.outDim;
  // grads[i][k]: d mu_i / d (pre-activation of layer k).
  const grads: Float64Array[][] = [];
  for (let i = 0; i < actDim; i++) {
    const g: Float64Array[] = new Array<Float64Array>(depth);
    g[depth - 1] = new Float64Array(actDim);
    g[depth - 1]![i] = 1;
    for (let k = depth - 2; k >= 0; k--) {
      const above = net.layers[k + 1]!;
      const next = new Float64Array(above.inDim);
      const up = g[k + 1]!;
      for (let o = 0; o < above.outDim; o++) {
        const c = up[o]!;
        if (c === 0) continue;
        const off = o * above.inDim;
        for (let q = 0; q < above.inDim; q++) next[q]! += c * above.w[off + q]!;
      }
      for (let q = 0; q < next.length; q++) next[q]! *= slopes[k]![q]!;
      g[k] = next;
    }
    grads.push(g);
  }
  const scale = inputs.map((h) => 1 + h.reduce((s, v) => s + v * v, 0));
  const gram = new Float64Array(actDim * actDim);
  for (let i = 0; i < actDim; i++)
    for (let j = i; j < actDim; j++) {
      let s = 0;
      for (let k = 0; k < depth; k++) {
        const gi = grads[i]![k]!;
        const gj = grads[j]![k]!;
        let dot = 0;
        for (let q = 0; q < gi.length; q++) dot += gi[q]! * gj[q]!;
        s += dot * scale[k]!;
      }
      gram[i * actDim + j] = s;
      gram[j * actDim + i] = s;
    }
  return gram;
}

/** The parameter path is defined between actors of one architecture only. */
function checkSameShape(dense: Mlp, pruned: Mlp): void {
  const shape = (m: Mlp) =>
    `${m.layers.map((l) => l.inDim).join('-')}-${m.layers[m.layers.length - 1]!.outDim} ${m.activation}`;
  const same =
    dense.activation === pruned.activation &&
    dense.layers.length === pruned.layers.length &&
    dense.layers.every(
      (l, k) => l.inDim === pruned.layers[k]!.inDim && l.outDim === pruned.layers[k]!.outDim,
    );
  if (!same)
    throw new InvalidArgumentError(
      'pruned.actor',
      `the dense (reference) actor's shape ${shape(dense)}: the parameter path runs between two actors of one architecture`,
      show(shape(pruned)),
    );
}

function mean(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}
