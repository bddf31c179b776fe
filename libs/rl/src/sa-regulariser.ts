// The SA-PPO regulariser as the trainer sees it (Zhang et al. 2020): for a minibatch of normalised
// observations s, R = mean_s max_{s' in B_inf(s, eps)} sum_j ((mu_j(s') - mu_j(s)) / sigma_j)^2, with
// mu(s) held constant and the gradient flowing through mu(s') and sigma. Estimates of the max plug
// in behind this interface: SGLD (sgld-regulariser.ts) and the convex IBP/CROWN bound
// (convex-sa-regulariser.ts, over libs/certify).
import type { Mlp, MlpEngine } from '@rlprune/nn';
import type { Rng } from '@rlprune/random';

export interface SaRegulariserInput {
  actor: Mlp;
  logStd: Float32Array;
  /** Normalised observations of the minibatch, [batch * obsDim]. */
  obs: Float32Array;
  batch: number;
  /** L-inf radius for this step (already ramped). */
  epsilon: number;
  /** Progress of the ramp in [0, 1]; the convex estimate uses it as its IBP weight beta. */
  ramp: number;
  /** The trainer's SA stream, checkpointed with the run. */
  rng: Rng;
  engine: MlpEngine;
}

export interface SaGradientSink {
  /** Multiplies R's gradients before they are added (the trainer passes kappa). */
  weight: number;
  /** Added into: gradients of the actor, ordered like mlpParams(actor) [gw0, gb0, ...]. */
  actorGrads: Float32Array[];
  /** Added into: gradient of the log-std, [actDim]. */
  logStdGrad: Float32Array;
}

export interface SaRegulariser {
  readonly method: 'sgld' | 'convex';
  /** R for the minibatch; weight * dR/dparams is added into the sink. */
  lossAndGrads(input: SaRegulariserInput, sink: SaGradientSink): number;
}

/** Epsilon schedule: linear from 0 at the first iteration to the target at rampFraction of training. */
export function saRamp(iteration: number, iterations: number, rampFraction: number): number {
  if (rampFraction === 0) return 1;
  return Math.min(1, (iteration - 1) / (rampFraction * iterations));
}
