// State-independent bounds from a Lipschitz constant of the action mean (L2 -> L2): the paper's
// surrogate, provably monotone under pruning, and the spectral product, tighter but not monotone.
import type { Mlp } from '@rlprune/nn';
import type { BallNorm } from './ball';
import { l2Radius } from './ball';
import { tvFromLipschitz, tvLinearised } from './gaussian-tv';
import { spectralProduct, surrogateLipschitz } from './norms';

export interface LipschitzBoundPair {
  /** From the surrogate prod_l min(||W||_F, sqrt(||W||_1 ||W||_inf)): a proven upper bound. */
  surrogate: number;
  /**
   * From prod_l ||W||_2 with ||W||_2 by power iteration, which approaches the true value from
   * below: an estimate of a bound, tight in practice but not certified.
   */
  spectral: number;
}

export interface GlobalBounds {
  surrogateLipschitz: number;
  spectralProduct: number;
  /** L2 radius of the smallest L2 ball holding the perturbation ball. */
  l2Radius: number;
  /** Bound on ||mu(s') - mu(s)||_2 over the ball: L * l2Radius. */
  actionChange: LipschitzBoundPair;
  /** Bound on the worst-case TV distance, exact Gaussian form 2 Phi(D/2) - 1. */
  tv: LipschitzBoundPair;
  /** The paper's linearised form min(1, L eps2 / (sigma_min sqrt(2 pi))), for comparison. */
  tvLinearised: LipschitzBoundPair;
}

export function globalBounds(actor: Mlp, sigma: ArrayLike<number>, epsilon: number, norm: BallNorm): GlobalBounds {
  const surrogate = surrogateLipschitz(actor);
  const spectral = spectralProduct(actor);
  const radius = l2Radius(epsilon, norm, actor.layers[0]!.inDim);
  let sigmaMin = Infinity;
  for (let j = 0; j < sigma.length; j++) sigmaMin = Math.min(sigmaMin, sigma[j]!);
  return {
    surrogateLipschitz: surrogate,
    spectralProduct: spectral,
    l2Radius: radius,
    actionChange: { surrogate: surrogate * radius, spectral: spectral * radius },
    tv: { surrogate: tvFromLipschitz(surrogate, radius, sigma), spectral: tvFromLipschitz(spectral, radius, sigma) },
    tvLinearised: {
      surrogate: tvLinearised((surrogate * radius) / sigmaMin),
      spectral: tvLinearised((spectral * radius) / sigmaMin),
    },
  };
}
