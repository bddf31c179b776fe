// The PPO loss of one minibatch and its gradients (CleanRL's pg_loss, v_loss, entropy_loss and
// loss.backward()): clipped surrogate through log pi(a|s), value loss (clipped when clipVloss)
// scaled by vfCoef, minus entCoef times the Gaussian's entropy. Writes the gradients into the
// run's buffers (TrainingState.grads); the SA term, when there is one, is added after this.
import {
  gaussianEntropy, gaussianLogProb, gaussianLogProbGrad, ppoClipLoss, valueLoss, type ForwardPass, type KernelEngine,
} from '@rlprune/nn';
import type { TrainingState } from './checkpoint';
import type { ResolvedPpoConfig } from './config';
import type { Minibatch } from './rollout';

export interface PpoLossParts {
  policyLoss: number;
  valueLoss: number;
  entropy: number;
  approxKl: number;
  clipFraction: number;
}

export class PpoLoss {
  // forward passes kept between minibatches so their buffers are reused
  private actorPass: ForwardPass | undefined;
  private criticPass: ForwardPass | undefined;

  constructor(
    private readonly config: ResolvedPpoConfig,
    private readonly engine: KernelEngine,
  ) {}

  /** The loss parts of `mb` under the current model; their gradients are written into `state.grads`. */
  lossAndGrads(state: TrainingState, mb: Minibatch): PpoLossParts {
    const { config, engine } = this;
    const { model, grads } = state;
    // Policy: clipped surrogate through log pi(a|s), minus the entropy bonus.
    this.actorPass = engine.forward(model.actor, mb.obs, mb.size, this.actorPass);
    const newLogProb = gaussianLogProb(this.actorPass.output, model.logStd, mb.actions);
    const pg = ppoClipLoss({ logProb: newLogProb, oldLogProb: mb.logProbs, advantages: mb.advantages, clipCoef: config.clipCoef });
    const logProbGrad = gaussianLogProbGrad(this.actorPass.output, model.logStd, mb.actions, pg.gradLogProb);
    engine.backward(model.actor, this.actorPass, logProbGrad.mean, grads.actor);
    const { entropy } = gaussianEntropy(model.logStd);
    for (let j = 0; j < grads.logStd.length; j++) grads.logStd[j] = logProbGrad.logStd[j]! - config.entCoef; // d entropy / d logStd_j = 1

    // Value function.
    this.criticPass = engine.forward(model.critic, mb.obs, mb.size, this.criticPass);
    const vl = valueLoss(config.clipVloss
      ? { values: this.criticPass.output, returns: mb.returns, oldValues: mb.values, clipCoef: config.clipCoef }
      : { values: this.criticPass.output, returns: mb.returns });
    for (let m = 0; m < mb.size; m++) vl.gradValues[m] = vl.gradValues[m]! * config.vfCoef;
    engine.backward(model.critic, this.criticPass, vl.gradValues, grads.critic);

    return { policyLoss: pg.loss, valueLoss: vl.loss, entropy, approxKl: pg.approxKl, clipFraction: pg.clipFraction };
  }
}
