// CROWN (Zhang et al. 2018): bound each output by a linear function of the input, built by walking
// the net backwards and replacing every activation by a linear lower or upper line
// (activation-relaxation.ts), then maximise/minimise that linear function over the ball exactly.
// Pre-activation bounds of every hidden layer, which the relaxations need, come from the same
// backward pass started at that layer ("full" CROWN, as auto_LiRPA's method='backward').
//
// Soundness: for a coefficient a >= 0 on act(z), a * act(z) <= a * (upper line); for a < 0 the lower
// line gives the upper bound. So every step keeps "output <= A x + c" true on the ball, and the
// concretisation max over the ball of A x is A x0 + epsilon * ||A||_dual per row.
import type { BallNorm } from './ball';
import { dualNormOfRow } from './ball';
import type { Bounds } from './bounds';
import type { Layer64, Mlp64 } from './float64-mlp';
import type { NeuronRelaxation } from './activation-relaxation';
import { relaxActivation } from './activation-relaxation';
import { ibpBounds } from './ibp';

/** The relaxation lines of one layer's neurons, as arrays for the hot loop. */
interface LayerRelaxation {
  lowerSlope: Float64Array;
  lowerIntercept: Float64Array;
  upperSlope: Float64Array;
  upperIntercept: Float64Array;
}

/**
 * Bounds on every output of `net` over the ball of radius `epsilon` around `center`.
 * `intermediate` "ibp" takes the hidden layers' pre-activation bounds from interval propagation and
 * runs the backward pass for the output only: CROWN-IBP (Zhang et al. 2020), what auto_LiRPA computes
 * with compute_bounds(IBP=True) followed by compute_bounds(method='backward'), as SA-PPO's
 * convex_relaxation.py does. Cheaper and looser than full CROWN; sound alike.
 */
export function crownBounds(
  net: Mlp64,
  center: ArrayLike<number>,
  epsilon: number,
  norm: BallNorm = 'linf',
  intermediate: 'crown' | 'ibp' = 'crown',
): Bounds {
  const relaxations: LayerRelaxation[] = [];
  const last = net.layers.length - 1;
  let bounds: Bounds | null = null;
  for (let k = 0; k < net.layers.length; k++) {
    bounds =
      intermediate === 'ibp' && k < last
        ? ibpBounds({ activation: net.activation, layers: net.layers.slice(0, k + 1) }, center, epsilon, norm)
        : backwardBounds(net, k, relaxations, center, epsilon, norm);
    if (k < net.layers.length - 1) relaxations.push(relaxLayer(net.activation, bounds));
  }
  return bounds!;
}

function relaxLayer(activation: Mlp64['activation'], b: Bounds): LayerRelaxation {
  const n = b.lower.length;
  const r: LayerRelaxation = {
    lowerSlope: new Float64Array(n),
    lowerIntercept: new Float64Array(n),
    upperSlope: new Float64Array(n),
    upperIntercept: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const { lower, upper }: NeuronRelaxation = relaxActivation(activation, b.lower[i]!, b.upper[i]!);
    r.lowerSlope[i] = lower.slope;
    r.lowerIntercept[i] = lower.intercept;
    r.upperSlope[i] = upper.slope;
    r.upperIntercept[i] = upper.intercept;
  }
  return r;
}

/**
 * Both sides of the bounds on the pre-activations of layer k: start from A = W_k, c = b_k, and for
 * j = k-1 .. 0 replace act(z_j) by its relaxation (side chosen by the sign of each coefficient),
 * then z_j by W_j a_{j-1} + b_j. Ends with A acting on the input. The upper (U) and lower (L)
 * passes run side by side.
 */
function backwardBounds(
  net: Mlp64,
  k: number,
  relaxations: LayerRelaxation[],
  center: ArrayLike<number>,
  epsilon: number,
  norm: BallNorm,
): Bounds {
  const top = net.layers[k]!;
  const rows = top.outDim;
  let cols = top.inDim;
  let aU = Float64Array.from(top.w);
  let aL = Float64Array.from(top.w);
  const cU = Float64Array.from(top.b);
  const cL = Float64Array.from(top.b);
  for (let j = k - 1; j >= 0; j--) {
    const { lowerSlope, lowerIntercept, upperSlope, upperIntercept } = relaxations[j]!;
    const layer = net.layers[j]!;
    const inDim = layer.inDim;
    const wT = transposed(layer);
    const nextU = new Float64Array(rows * inDim);
    const nextL = new Float64Array(rows * inDim);
    const rowU = new Float64Array(cols);
    const rowL = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      const off = r * cols;
      let accU = cU[r]!;
      let accL = cL[r]!;
      for (let col = 0; col < cols; col++) {
        // Through the activation of layer j: a coefficient >= 0 takes the line on its own side.
        let u = aU[off + col]!;
        let l = aL[off + col]!;
        if (u >= 0) {
          accU += u * upperIntercept[col]!;
          u *= upperSlope[col]!;
        } else {
          accU += u * lowerIntercept[col]!;
          u *= lowerSlope[col]!;
        }
        if (l >= 0) {
          accL += l * lowerIntercept[col]!;
          l *= lowerSlope[col]!;
        } else {
          accL += l * upperIntercept[col]!;
          l *= upperSlope[col]!;
        }
        // Through the bias of layer j.
        accU += u * layer.b[col]!;
        accL += l * layer.b[col]!;
        rowU[col] = u;
        rowL[col] = l;
      }
      cU[r] = accU;
      cL[r] = accL;
      // Through the weights of layer j: row times W_j, as dot products with the columns of W_j.
      const noff = r * inDim;
      for (let i = 0; i < inDim; i++) {
        const toff = i * cols;
        let su = 0;
        let sl = 0;
        for (let col = 0; col < cols; col++) {
          const wv = wT[toff + col]!;
          su += rowU[col]! * wv;
          sl += rowL[col]! * wv;
        }
        nextU[noff + i] = su;
        nextL[noff + i] = sl;
      }
    }
    aU = nextU;
    aL = nextL;
    cols = inDim;
  }
  // Concretise over the ball.
  const lower = new Float64Array(rows);
  const upper = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let su = cU[r]!;
    let sl = cL[r]!;
    const off = r * cols;
    for (let i = 0; i < cols; i++) {
      su += aU[off + i]! * center[i]!;
      sl += aL[off + i]! * center[i]!;
    }
    upper[r] = su + epsilon * dualNormOfRow(aU, r, cols, norm);
    lower[r] = sl - epsilon * dualNormOfRow(aL, r, cols, norm);
  }
  return { lower, upper };
}

/** W^T of each layer, computed once per layer object (Mlp64 layers are never mutated). */
const transposes = new WeakMap<Layer64, Float64Array>();

function transposed(layer: Layer64): Float64Array {
  let t = transposes.get(layer);
  if (!t) {
    t = new Float64Array(layer.w.length);
    for (let o = 0; o < layer.outDim; o++)
      for (let i = 0; i < layer.inDim; i++) t[i * layer.outDim + o] = layer.w[o * layer.inDim + i]!;
    transposes.set(layer, t);
  }
  return t;
}
