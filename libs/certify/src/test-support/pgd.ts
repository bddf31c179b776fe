// Projected gradient attack on one action coordinate, used to look for counterexamples to bounds.
import type { Mlp64 } from '../float64-mlp';
import { forwardMean } from '../float64-mlp';
import { inputJacobian } from '../path-sensitivity';

/**
 * Signed-gradient ascent (direction +1) or descent (-1) of mu_j over the L-inf ball, from `start`;
 * returns the most extreme value of mu_j seen.
 */
export function pgdExtreme(
  net: Mlp64,
  center: Float64Array,
  epsilon: number,
  j: number,
  direction: 1 | -1,
  start: Float64Array,
  steps = 50,
): number {
  const x = Float64Array.from(start);
  const inDim = center.length;
  let best = direction * -Infinity;
  const step = epsilon / 10;
  for (let it = 0; it <= steps; it++) {
    const v = forwardMean(net, x)[j]!;
    best = direction === 1 ? Math.max(best, v) : Math.min(best, v);
    if (it === steps) break;
    const jac = inputJacobian(net, x);
    for (let i = 0; i < inDim; i++) {
      const g = direction * jac[j * inDim + i]!;
      const moved = x[i]! + step * Math.sign(g);
      x[i] = Math.min(center[i]! + epsilon, Math.max(center[i]! - epsilon, moved));
    }
  }
  return best;
}
