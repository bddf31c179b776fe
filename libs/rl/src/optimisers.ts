// The optimiser(s) of a PPO update, in one of two arrangements:
// - joint (valueLearningRate null): CleanRL's one Adam over actor, critic and log-std, with one
//   global gradient-norm clip over all their gradients;
// - separate: SA-PPO's policy Adam over actor and log-std and value Adam over the critic
//   (huanzhang12/SA_PPO agent.py: POLICY_ADAM and val_opt), each with its own learning rate and
//   moments, and each its own clip when one is set (SA-PPO clips the policy's parameters alone and
//   its configs set clip_grad_norm -1: none).
// Both learning rates are annealed by the caller alike (SA-PPO's LambdaLR 1 - f / TRAIN_STEPS on both).
import { Adam, gradClipScale, globalGradNorm, mlpParams, type ActorCritic, type AdamState, type Kernels, type ParamSet } from '@rlprune/nn';

interface Group {
  params: ParamSet;
  grads: Float32Array[];
  adam: Adam;
}

export interface StepResult {
  /** Norm of all gradients together (policy, value, log-std), before clipping. */
  norm: number;
  /** Factor applied to the policy's gradients (actor and log-std); 1 when not clipped. */
  policyScale: number;
}

export class PpoOptimisers {
  /** Over actor and log-std, or over everything when joint. */
  private readonly policy: Group;
  /** Over the critic; null when joint. */
  private readonly value: Group | null;

  /**
   * `grads` are the buffers the update writes: the actor's (ordered like mlpParams), the critic's
   * and the log-std's.
   */
  constructor(
    model: ActorCritic,
    grads: { actor: Float32Array[]; critic: Float32Array[]; logStd: Float32Array },
    options: { separateValue: boolean; adamEps: number },
    private readonly kernels: Kernels,
  ) {
    const a = mlpParams(model.actor);
    const c = mlpParams(model.critic);
    const adam = () => new Adam({ eps: options.adamEps }, kernels);
    if (options.separateValue) {
      this.policy = { params: { values: [...a.values, model.logStd], masks: [...a.masks, null] }, grads: [...grads.actor, grads.logStd], adam: adam() };
      this.value = { params: c, grads: grads.critic, adam: adam() };
    } else {
      // The order of the joint optimiser's tensors is the one its checkpoints hold.
      this.policy = {
        params: { values: [...a.values, ...c.values, model.logStd], masks: [...a.masks, ...c.masks, null] },
        grads: [...grads.actor, ...grads.critic, grads.logStd],
        adam: adam(),
      };
      this.value = null;
    }
  }

  get separateValue(): boolean {
    return this.value !== null;
  }

  /** Every gradient buffer (for the global norm the SA diagnostics compare against). */
  get allGrads(): Float32Array[] {
    return this.value ? [...this.policy.grads, ...this.value.grads] : this.policy.grads;
  }

  /**
   * One Adam step of every optimiser from the gradients in the buffers. `valueLr` is used only when
   * separate; `maxGradNorm` null never clips. Returns the global norm; when it is not finite nothing
   * is updated, so the caller can stop on it with the parameters untouched.
   */
  step(policyLr: number, valueLr: number, maxGradNorm: number | null): StepResult {
    const p = this.normAndScale(this.policy, maxGradNorm);
    const v = this.value ? this.normAndScale(this.value, maxGradNorm) : { norm: 0, scale: 1 };
    const norm = Math.hypot(p.norm, v.norm);
    if (!Number.isFinite(norm)) return { norm, policyScale: p.scale };
    this.policy.adam.update(this.policy.params, this.policy.grads, policyLr, p.scale);
    if (this.value) this.value.adam.update(this.value.params, this.value.grads, valueLr, v.scale);
    return { norm, policyScale: p.scale };
  }

  /** Zeroes the moments of pruned entries (call after a mask update). */
  applyMasks(): void {
    this.policy.adam.applyMasks(this.policy.params);
    if (this.value) this.value.adam.applyMasks(this.value.params);
  }

  getState(): { adam: AdamState; valueAdam: AdamState | null } {
    return { adam: this.policy.adam.getState(), valueAdam: this.value ? this.value.adam.getState() : null };
  }

  setState(state: { adam: AdamState; valueAdam: AdamState | null }): void {
    this.policy.adam.setState(state.adam);
    if (this.value && state.valueAdam) this.value.adam.setState(state.valueAdam);
  }

  private normAndScale(group: Group, maxGradNorm: number | null): { norm: number; scale: number } {
    if (maxGradNorm === null) return { norm: globalGradNorm(group.grads, this.kernels), scale: 1 };
    return gradClipScale(group.grads, maxGradNorm, this.kernels);
  }
}
