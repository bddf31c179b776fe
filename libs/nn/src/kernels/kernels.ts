// The low-level contract both kernel sets (native addon, portable TypeScript) implement. Arrays are
// plain Float32Arrays owned by the caller; one call covers a whole net so the native path crosses the
// JS/native boundary once per forward, once per backward and once per optimiser step.

/** Activation codes shared with the native addon. */
export const ACT_LINEAR = 0;
export const ACT_TANH = 1;
export const ACT_RELU = 2;
export type ActivationCode = typeof ACT_LINEAR | typeof ACT_TANH | typeof ACT_RELU;

export type KernelsName = 'native' | 'js';

export interface Kernels {
  readonly name: KernelsName;
  /** Human-readable detail, e.g. the SIMD level the native clones picked. */
  readonly detail: string;
  /** outs[l] = act(in_l W_l^T + b_l) for l < L-1, linear for the last layer; in_0 = x. */
  forward(
    ws: Float32Array[], bs: Float32Array[], dims: Int32Array, act: ActivationCode,
    x: Float32Array, batch: number, outs: Float32Array[],
  ): void;
  /**
   * Backprop gradOut (d loss / d output) through the net whose activations are outs:
   * gws[l] (+)= masked dL/dW_l, gbs[l] (+)= dL/db_l, and gx = dL/dx when gx is given.
   */
  backward(
    ws: Float32Array[], masks: Array<Float32Array | null>, dims: Int32Array, act: ActivationCode,
    x: Float32Array, batch: number, outs: Float32Array[], gradOut: Float32Array,
    gws: Float32Array[], gbs: Float32Array[], gx: Float32Array | null, accumulate: boolean,
  ): void;
  /** Adam on every tensor; hyper = [lr, beta1, beta2, eps, 1-beta1^t, 1-beta2^t, gradScale]. */
  adam(
    params: Float32Array[], grads: Float32Array[], masks: Array<Float32Array | null>,
    ms: Float32Array[], vs: Float32Array[], hyper: Float32Array,
  ): void;
  /** Sum of squares over all arrays, accumulated in float64. */
  sumSquares(arrays: Float32Array[]): number;
}
