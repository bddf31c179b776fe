// The certification methods by name, as the CLI and the certifier service spell them.
import type { BallNorm } from './ball';
import type { Bounds, PerStateMethod } from './bounds';
import { crownBounds } from './crown';
import type { Mlp64 } from './float64-mlp';
import { ibpBounds } from './ibp';

/** 'lipschitz' (the paper's surrogate) and 'spectral' are global; 'ibp' and 'crown' are per state. */
export type CertifyMethod = 'lipschitz' | 'spectral' | PerStateMethod;

export const CERTIFY_METHODS: readonly CertifyMethod[] = ['lipschitz', 'spectral', 'ibp', 'crown'];

export function isPerStateMethod(method: CertifyMethod): method is PerStateMethod {
  return method === 'ibp' || method === 'crown';
}

/** Bounds on the action mean over the ball by a per-state method. */
export function boundActionMean(
  net: Mlp64,
  state: ArrayLike<number>,
  epsilon: number,
  method: PerStateMethod,
  norm: BallNorm,
): Bounds {
  return method === 'ibp' ? ibpBounds(net, state, epsilon, norm) : crownBounds(net, state, epsilon, norm);
}
