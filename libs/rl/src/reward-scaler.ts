// Reward scaling by the running standard deviation of the discounted return (Gymnasium's
// NormalizeReward, as the PyTorch reference applies it): per env, G = gamma * G + r; the batch of G
// updates running mean/variance statistics; the reward is divided by sqrt(var + eps) and clipped. G
// restarts at 0 when an episode ends (terminated or truncated). Statistics are float64.

export interface RewardScalerState {
  /** Discounted return so far of each env's current episode. */
  returns: Float64Array;
  mean: number;
  var: number;
  count: number;
}

export class RewardScaler {
  returns: Float64Array;
  mean = 0;
  var = 1;
  /** Prior count, so the first update is not a division by zero (as RunningMeanStd). */
  count = 1e-4;

  constructor(
    numEnvs: number,
    private readonly gamma: number,
    private readonly clip: number,
    private readonly eps = 1e-8,
  ) {
    this.returns = new Float64Array(numEnvs);
  }

  /** Scales one step's rewards of every env into `out`; done[i] = 1 where env i's episode ended. */
  scale(rewards: Float32Array, done: Uint8Array, out: Float32Array): void {
    const n = this.returns.length;
    for (let i = 0; i < n; i++) this.returns[i] = this.returns[i]! * this.gamma + rewards[i]!;
    this.update(this.returns);
    const inv = 1 / Math.sqrt(this.var + this.eps);
    for (let i = 0; i < n; i++) {
      const r = rewards[i]! * inv;
      out[i] = r > this.clip ? this.clip : r < -this.clip ? -this.clip : r;
      if (done[i]) this.returns[i] = 0;
    }
  }

  getState(): RewardScalerState {
    return { returns: this.returns.slice(), mean: this.mean, var: this.var, count: this.count };
  }

  setState(state: RewardScalerState): void {
    if (state.returns.length !== this.returns.length) throw new Error(`reward scaler: expected ${this.returns.length} envs, got ${state.returns.length}`);
    this.returns = state.returns.slice();
    this.mean = state.mean;
    this.var = state.var;
    this.count = state.count;
  }

  /** Parallel-variance merge of a batch into the running statistics. */
  private update(batch: Float64Array): void {
    const n = batch.length;
    let s = 0;
    for (let i = 0; i < n; i++) s += batch[i]!;
    const bMean = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (batch[i]! - bMean) ** 2;
    const bVar = ss / n;
    const total = this.count + n;
    const delta = bMean - this.mean;
    const m2 = this.var * this.count + bVar * n + (delta * delta * this.count * n) / total;
    this.mean += (delta * n) / total;
    this.var = m2 / total;
    this.count = total;
  }
}
