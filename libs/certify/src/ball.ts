// The perturbation set: a ball of radius epsilon around the observation, in L-inf (the project's
// attack budget) or L2. Bounds on a linear function a.x over the ball need the dual norm of a.

/** Norm of the perturbation ball. */
export type BallNorm = 'linf' | 'l2';

export const BALL_NORMS: readonly BallNorm[] = ['linf', 'l2'];

/**
 * max over ||d|| <= 1 of a.d for row `row` of a row-major matrix: the dual norm (L1 for an L-inf
 * ball, L2 for an L2 ball).
 */
export function dualNormOfRow(a: Float64Array, row: number, cols: number, norm: BallNorm): number {
  let s = 0;
  const off = row * cols;
  if (norm === 'linf') {
    for (let c = 0; c < cols; c++) s += Math.abs(a[off + c]!);
    return s;
  }
  for (let c = 0; c < cols; c++) s += a[off + c]! ** 2;
  return Math.sqrt(s);
}

/** L2 radius of the smallest L2 ball containing the given ball in `dim` dimensions. */
export function l2Radius(epsilon: number, norm: BallNorm, dim: number): number {
  return norm === 'linf' ? epsilon * Math.sqrt(dim) : epsilon;
}
