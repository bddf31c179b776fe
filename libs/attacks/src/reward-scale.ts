// The reward scale robust sarsa's Q learns on: the victim's own reward normalisation. SA-PPO trains
// its sarsa Q inside the victim's environment wrapper, loaded read-only from the trained model
// (huanzhang12/SA_PPO src/test.py: `p.envs = pretrained_model['envs']; e.normalizer_read_only = True`),
// so each reward is divided by the frozen standard deviation of the discounted return (RewardFilter,
// norm_rewards "returns") and clipped at clip_rewards (10). Q values, its learning rate (the victim's
// value lr) and its regulariser weights are all tuned for that scale.
//
// Here: when the policy file carries the statistics of libs/rl's RewardScaler (training checkpoints
// do, as the extra tensor `rewardScaler.stats` = [mean, var, count]), that std is used, as SA-PPO's.
// A final policy file does not carry it; then the same statistic (population variance of the
// discounted return G_t = gamma G_{t-1} + r_t, restarted at every episode end, over every step of
// every env) is measured on the victim's first iteration of data and frozen for the rest.
import type { PolicyArtifact } from '@rlprune/nn';

/** Name of the extra tensor libs/rl's checkpoints store the reward scaler's [mean, var, count] in. */
export const REWARD_SCALER_STATS = 'rewardScaler.stats';

/** libs/rl's RewardScaler adds this to the variance before the square root. */
const VAR_EPS = 1e-8;

/** The std the victim's training divided rewards by, if the policy file carries it. */
export function storedRewardStd(policy: PolicyArtifact): number | null {
  const stats = policy.extraTensors?.[REWARD_SCALER_STATS];
  if (!stats || stats.length < 2 || !(stats[1]! >= 0)) return null;
  return Math.sqrt(stats[1]! + VAR_EPS);
}

/**
 * Std of the discounted return over a rollout laid out step-major (row t * numEnvs + i is env i at
 * step t); ended[row] = 1 where that step ended env i's episode (terminated or truncated).
 */
export function discountedReturnStd(rewards: ArrayLike<number>, ended: ArrayLike<number>, numEnvs: number, gamma: number): number {
  const steps = rewards.length / numEnvs;
  const g = new Float64Array(numEnvs);
  // Welford's running mean and sum of squared deviations.
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < numEnvs; i++) {
      const k = t * numEnvs + i;
      g[i] = gamma * g[i]! + rewards[k]!;
      count += 1;
      const delta = g[i]! - mean;
      mean += delta / count;
      m2 += delta * (g[i]! - mean);
      if (ended[k]) g[i] = 0;
    }
  }
  return Math.sqrt((count > 0 ? m2 / count : 0) + VAR_EPS);
}
