// One PPO rollout: numSteps steps of every env with the Gaussian policy, stored row t * numEnvs + i
// (CleanRL's obs/actions/logprobs/rewards/dones/values buffers). Raw samples go to the envs, which
// clip them; rewards are scaled by the running std of the discounted return; a truncated episode
// keeps the value of its final observation, so GAE can bootstrap from it (a termination does not).
import { gaussianLogProb, normalizeObs, type KernelEngine } from '@rlprune/nn';
import type { TrainingState } from './checkpoint';
import type { VecEnvLike } from './vec-env-like';

export class RolloutBuffer {
  readonly obs: Float32Array;
  readonly actions: Float32Array;
  readonly logProbs: Float32Array;
  readonly values: Float32Array;
  /** Scaled rewards. */
  readonly rewards: Float32Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  /** V(final observation) of each truncated episode, 0 elsewhere. */
  readonly truncationValues: Float32Array;
  // per-step scratch
  private readonly mean: Float32Array;
  private readonly value: Float32Array;
  private readonly done: Uint8Array;

  constructor(
    readonly numSteps: number,
    readonly numEnvs: number,
    readonly obsDim: number,
    readonly actDim: number,
  ) {
    const rows = numSteps * numEnvs;
    this.obs = new Float32Array(rows * obsDim);
    this.actions = new Float32Array(rows * actDim);
    this.logProbs = new Float32Array(rows);
    this.values = new Float32Array(rows);
    this.rewards = new Float32Array(rows);
    this.terminated = new Uint8Array(rows);
    this.truncated = new Uint8Array(rows);
    this.truncationValues = new Float32Array(rows);
    this.mean = new Float32Array(numEnvs * actDim);
    this.value = new Float32Array(numEnvs);
    this.done = new Uint8Array(numEnvs);
  }

  /** Fills the buffer from `state.nextObs` on, advancing the envs, the state's counters and its streams. */
  async collect(state: TrainingState, env: VecEnvLike, engine: KernelEngine): Promise<void> {
    const { numEnvs: N, obsDim, actDim, mean, value, done } = this;
    const { model, nextObs } = state;
    for (let t = 0; t < this.numSteps; t++) {
      const row = t * N;
      this.obs.set(nextObs, row * obsDim);
      engine.predict(model.actor, nextObs, N, mean);
      engine.predict(model.critic, nextObs, N, value);
      const actions = this.actions.subarray(row * actDim, (row + N) * actDim);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < actDim; j++) actions[i * actDim + j] = mean[i * actDim + j]! + Math.exp(model.logStd[j]!) * state.rngs.actions.normal();
      }
      this.logProbs.set(gaussianLogProb(mean, model.logStd, actions), row);
      this.values.set(value, row);

      const step = await env.step(actions);
      state.envSteps += N;
      let anyTruncated = false;
      for (let i = 0; i < N; i++) {
        const terminated = step.terminated[i] === 1;
        const truncated = step.truncated[i] === 1 && !terminated;
        done[i] = terminated || truncated ? 1 : 0;
        this.terminated[row + i] = terminated ? 1 : 0;
        this.truncated[row + i] = truncated ? 1 : 0;
        this.truncationValues[row + i] = 0;
        anyTruncated ||= truncated;
        if (done[i]) state.endEpisode(step.episodeReturns[i]!);
      }
      state.rewardScaler.scale(step.rewards, done, this.rewards.subarray(row, row + N));
      state.observe(step.obs);
      if (anyTruncated) {
        // Bootstrap value of each truncated episode: V of its final observation, normalised alike.
        const finalValues = engine.predict(model.critic, normalizeObs(state.normalizer, step.finalObs, N), N);
        for (let i = 0; i < N; i++) if (this.truncated[row + i]) this.truncationValues[row + i] = finalValues[i]!;
      }
    }
  }
}

/** One minibatch gathered from a rollout (CleanRL's b_obs[mb_inds], ...), with optionally normalised advantages. */
export class Minibatch {
  readonly obs: Float32Array;
  readonly actions: Float32Array;
  readonly logProbs: Float32Array;
  readonly advantages: Float32Array;
  readonly returns: Float32Array;
  readonly values: Float32Array;

  constructor(
    readonly size: number,
    private readonly obsDim: number,
    private readonly actDim: number,
  ) {
    this.obs = new Float32Array(size * obsDim);
    this.actions = new Float32Array(size * actDim);
    this.logProbs = new Float32Array(size);
    this.advantages = new Float32Array(size);
    this.returns = new Float32Array(size);
    this.values = new Float32Array(size);
  }

  /** Rows indices[start .. start + size) of the rollout and its GAE outputs. */
  gather(rollout: RolloutBuffer, gae: { advantages: Float32Array; returns: Float32Array }, indices: Uint32Array, start: number, normaliseAdvantages: boolean): void {
    const { obsDim, actDim } = this;
    for (let m = 0; m < this.size; m++) {
      const k = indices[start + m]!;
      this.obs.set(rollout.obs.subarray(k * obsDim, (k + 1) * obsDim), m * obsDim);
      this.actions.set(rollout.actions.subarray(k * actDim, (k + 1) * actDim), m * actDim);
      this.logProbs[m] = rollout.logProbs[k]!;
      this.advantages[m] = gae.advantages[k]!;
      this.returns[m] = gae.returns[k]!;
      this.values[m] = rollout.values[k]!;
    }
    if (normaliseAdvantages) normaliseInPlace(this.advantages);
  }
}

/** (x - mean) / (std + 1e-8) with the unbiased std, as torch's .std() in CleanRL. */
function normaliseInPlace(x: Float32Array): void {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mu = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mu) ** 2;
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  for (let i = 0; i < n; i++) x[i] = (x[i]! - mu) / (std + 1e-8);
}
