// The paper's path-averaged sensitivity L_par: the mean over states of the operator norm of the
// policy Jacobian d mu / d s, averaged along the straight path theta(t) = (1 - t) theta_dense +
// t theta_pruned, t in [0, 1]. The operator norm is the L2 one (largest singular value), by power
// iteration on J J^T; the path average uses the trapezoid rule on `steps` equal intervals.
import type { Mlp } from '@rlprune/nn';
import type { Mlp64 } from './float64-mlp';
import { activationSlope, affine, activate, toFloat64Mlp } from './float64-mlp';
import { check, InvalidArgumentError, show } from '@rlprune/errors';
import { checkStates } from './validate';

export interface PathSensitivityOptions {
  /** Number of intervals on the path (steps + 1 evaluation points, both ends included). Default 10. */
  steps?: number;
}

export interface PathSensitivity {
  /** Trapezoid-rule average over t of the mean operator norm. */
  lPar: number;
  /** Mean operator norm over states at each evaluation point t. */
  points: { t: number; meanOperatorNorm: number }[];
}

export function pathSensitivity(
  dense: Mlp,
  pruned: Mlp,
  states: ArrayLike<ArrayLike<number>>,
  options: PathSensitivityOptions = {},
): PathSensitivity {
  const steps = options.steps ?? 10;
  if (!Number.isInteger(steps) || steps < 1) throw new InvalidArgumentError('steps', 'an integer >= 1', show(steps));
  check.mlpShape('dense', dense, { float32: false });
  check.mlpShape('pruned', pruned, { float32: false });
  if (pruned.activation !== dense.activation)
    throw new InvalidArgumentError('pruned.activation', `${dense.activation} (as dense)`, show(pruned.activation));
  if (pruned.layers.length !== dense.layers.length)
    throw new InvalidArgumentError('pruned.layers.length', `${dense.layers.length} (as dense)`, show(pruned.layers.length));
  pruned.layers.forEach((l, k) => {
    const d = dense.layers[k]!;
    if (l.inDim !== d.inDim || l.outDim !== d.outDim)
      throw new InvalidArgumentError(`pruned.layers[${k}]`, `shape ${d.outDim}x${d.inDim} (as dense)`, `${l.outDim}x${l.inDim}`);
  });
  checkStates(states, dense.layers[0]!.inDim);
  const a = toFloat64Mlp(dense);
  const b = toFloat64Mlp(pruned);
  const points: PathSensitivity['points'] = [];
  let lPar = 0;
  for (let p = 0; p <= steps; p++) {
    const t = p / steps;
    const net = interpolate(a, b, t);
    let sum = 0;
    for (let s = 0; s < states.length; s++) {
      const j = inputJacobian(net, states[s]!);
      sum += spectralNormOfMatrix(j, net.layers[net.layers.length - 1]!.outDim, net.layers[0]!.inDim);
    }
    const mean = sum / states.length;
    points.push({ t, meanOperatorNorm: mean });
    lPar += ((p === 0 || p === steps ? 0.5 : 1) * mean) / steps;
  }
  return { lPar, points };
}

/** (1 - t) a + t b, weights and biases alike (masks are already folded into the weights). */
export function interpolate(a: Mlp64, b: Mlp64, t: number): Mlp64 {
  const mix = (x: Float64Array, y: Float64Array): Float64Array => x.map((v, i) => (1 - t) * v + t * y[i]!);
  return {
    activation: a.activation,
    layers: a.layers.map((l, k) => ({ inDim: l.inDim, outDim: l.outDim, w: mix(l.w, b.layers[k]!.w), b: mix(l.b, b.layers[k]!.b) })),
  };
}

/** d mu / d x at x, row-major [outDim, inDim]: W_L D_{L-1} W_{L-1} ... D_1 W_1. */
export function inputJacobian(net: Mlp64, x: ArrayLike<number>): Float64Array {
  const slopes: Float64Array[] = [];
  let h: Float64Array = Float64Array.from(x);
  for (let k = 0; k < net.layers.length - 1; k++) {
    const z = affine(net.layers[k]!, h);
    slopes.push(z.map((v) => activationSlope(net.activation, v)));
    h = z.map((v) => activate(net.activation, v));
  }
  const top = net.layers[net.layers.length - 1]!;
  const rows = top.outDim;
  let g = Float64Array.from(top.w);
  for (let k = net.layers.length - 2; k >= 0; k--) {
    const layer = net.layers[k]!;
    const next = new Float64Array(rows * layer.inDim);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < layer.outDim; c++) {
        const coef = g[r * layer.outDim + c]! * slopes[k]![c]!;
        if (coef === 0) continue;
        for (let i = 0; i < layer.inDim; i++) next[r * layer.inDim + i]! += coef * layer.w[c * layer.inDim + i]!;
      }
    g = next;
  }
  return g;
}

/**
 * Largest singular value of a row-major [rows, cols] matrix by power iteration on J J^T, started
 * from J J^T's largest column so the start is never orthogonal to a nonzero matrix's range.
 */
export function spectralNormOfMatrix(j: Float64Array, rows: number, cols: number, maxIter = 1000, tol = 1e-13): number {
  const m = new Float64Array(rows * rows);
  for (let r = 0; r < rows; r++)
    for (let q = 0; q < rows; q++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += j[r * cols + c]! * j[q * cols + c]!;
      m[r * rows + q] = s;
    }
  let best = -1;
  let v = new Float64Array(rows);
  for (let q = 0; q < rows; q++) {
    let n = 0;
    for (let r = 0; r < rows; r++) n += m[r * rows + q]! ** 2;
    if (n > best) {
      best = n;
      v = Float64Array.from({ length: rows }, (_, r) => m[r * rows + q]!);
    }
  }
  if (best <= 0) return 0;
  let lambda = 0;
  for (let it = 0; it < maxIter; it++) {
    const next = new Float64Array(rows);
    for (let r = 0; r < rows; r++) for (let q = 0; q < rows; q++) next[r]! += m[r * rows + q]! * v[q]!;
    let n = 0;
    let vn = 0;
    for (let r = 0; r < rows; r++) {
      n += next[r]! ** 2;
      vn += v[r]! ** 2;
    }
    const est = Math.sqrt(n / vn);
    n = Math.sqrt(n);
    v = next.map((x) => x / n);
    if (Math.abs(est - lambda) <= tol * est) return Math.sqrt(est);
    lambda = est;
  }
  return Math.sqrt(lambda);
}
