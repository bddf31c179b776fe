// Interval bound propagation (Gowal et al. 2018): carry a box [lower, upper] through the net in
// centre/radius form. Sound for any monotone activation; loose because every layer forgets the
// correlations between its outputs.
import type { BallNorm } from './ball';
import { dualNormOfRow } from './ball';
import type { Bounds } from './bounds';
import type { Mlp64 } from './float64-mlp';
import { activate } from './float64-mlp';

/**
 * Bounds on every output of `net` over the ball of radius `epsilon` around `center`.
 * The first layer is bounded exactly over the ball (dual norm of each weight row), so an L2 ball is
 * handled as tightly as an L-inf one; later layers propagate boxes.
 */
export function ibpBounds(net: Mlp64, center: ArrayLike<number>, epsilon: number, norm: BallNorm = 'linf'): Bounds {
  const last = net.layers.length - 1;
  let mid = new Float64Array(0);
  let rad = new Float64Array(0);
  net.layers.forEach((layer, k) => {
    const { inDim, outDim, w, b } = layer;
    const m = new Float64Array(outDim);
    const r = new Float64Array(outDim);
    for (let o = 0; o < outDim; o++) {
      const off = o * inDim;
      let sm = b[o]!;
      let sr = 0;
      if (k === 0) {
        for (let i = 0; i < inDim; i++) sm += w[off + i]! * center[i]!;
        sr = epsilon * dualNormOfRow(w, o, inDim, norm);
      } else {
        for (let i = 0; i < inDim; i++) {
          sm += w[off + i]! * mid[i]!;
          sr += Math.abs(w[off + i]!) * rad[i]!;
        }
      }
      m[o] = sm;
      r[o] = sr;
    }
    if (k < last) {
      // Monotone activation: the image of [m - r, m + r] is [act(m - r), act(m + r)].
      for (let o = 0; o < outDim; o++) {
        const lo = activate(net.activation, m[o]! - r[o]!);
        const hi = activate(net.activation, m[o]! + r[o]!);
        m[o] = (hi + lo) / 2;
        r[o] = (hi - lo) / 2;
      }
    }
    mid = m;
    rad = r;
  });
  const lower = new Float64Array(mid.length);
  const upper = new Float64Array(mid.length);
  for (let o = 0; o < mid.length; o++) {
    lower[o] = mid[o]! - rad[o]!;
    upper[o] = mid[o]! + rad[o]!;
  }
  return { lower, upper };
}
