// Global gradient-norm clipping (as torch.nn.utils.clip_grad_norm_): one norm over all tensors.
import { InvalidArgumentError } from '@rlprune/errors';
import type { Kernels } from './kernels/kernels';
import { defaultKernels } from './kernels/select-kernels';

/** The L2 norm over every gradient array together. */
export function globalGradNorm(grads: Float32Array[], kernels: Kernels = defaultKernels()): number {
  return Math.sqrt(kernels.sumSquares(grads));
}

/**
 * The factor that brings the global norm down to maxNorm (1 when already within it), and the norm
 * before clipping. Pass the factor to Adam.update as gradScale, or use clipGradNorm to scale in place.
 */
export function gradClipScale(grads: Float32Array[], maxNorm: number, kernels: Kernels = defaultKernels()): { norm: number; scale: number } {
  if (!(maxNorm > 0)) throw new InvalidArgumentError('maxNorm', 'a number > 0', String(maxNorm));
  const norm = globalGradNorm(grads, kernels);
  // torch adds 1e-6 to the norm so the clipped norm lands just under maxNorm.
  const coef = maxNorm / (norm + 1e-6);
  const scale = coef < 1 ? coef : 1;
  return { norm, scale };
}

/** Scales grads in place so their global norm is at most maxNorm; returns the norm before clipping. */
export function clipGradNorm(grads: Float32Array[], maxNorm: number, kernels: Kernels = defaultKernels()): number {
  const { norm, scale } = gradClipScale(grads, maxNorm, kernels);
  if (scale !== 1) for (const g of grads) for (let i = 0; i < g.length; i++) g[i] *= scale;
  return norm;
}
