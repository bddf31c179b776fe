// A policy's return over fresh episodes two ways: with mean actions (SA-PPO's evaluation protocol)
// and with sampled actions (what PPO's training metric averages). Used by run.ts after training and
// by evaluate.ts on saved artifacts.
import { evaluatePolicy } from '@rlprune/attacks';
import { createVecEnv } from '@rlprune/envs';
import type { PolicyArtifact } from '@rlprune/nn';

export interface BothWays {
  deterministic: { mean: number; returns: number[] };
  stochastic: { mean: number; returns: number[] };
}

/** `episodes` episodes each way on one env seeded `envSeed`; action samples seeded `sampleSeed`. */
export async function evaluateBothWays(policy: PolicyArtifact, episodes: number, envSeed: number, sampleSeed: number): Promise<BothWays> {
  const env = await createVecEnv(policy.metadata.env, { numEnvs: 1, seed: envSeed });
  try {
    const deterministic = await evaluatePolicy({ policy, env, episodesPerEnv: episodes, deterministic: true });
    const stochastic = await evaluatePolicy({ policy, env, episodesPerEnv: episodes, deterministic: false, seed: sampleSeed });
    return { deterministic, stochastic };
  } finally {
    env.close();
  }
}
