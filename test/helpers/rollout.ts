// Deterministic episodes of a policy in-process (action = the actor's mean on the normalised
// observation): their returns and the normalised states visited, for tests and benchmarks that
// need states from a policy's own rollouts.
import { createEnv } from '@rlprune/envs';
import { createKernelEngine, normalizeObs, type PolicyArtifact } from '@rlprune/nn';

export interface RolloutOptions {
  envId: string;
  /** Episode e uses env seed `seed + e`. */
  seed: number;
  /** Number of episodes; without it, episodes run until `maxStates` states are collected. */
  episodes?: number;
  /** Keep every stride-th state. Default 1. */
  stride?: number;
  /** Stop collecting (and stepping) once this many states are kept. */
  maxStates?: number;
}

export async function ownRollouts(policy: PolicyArtifact, o: RolloutOptions): Promise<{ meanReturn: number; returns: number[]; states: Float32Array[] }> {
  const engine = createKernelEngine();
  const stride = o.stride ?? 1;
  const max = o.maxStates ?? Infinity;
  const returns: number[] = [];
  const states: Float32Array[] = [];
  for (let e = 0; o.episodes === undefined ? states.length < max : e < o.episodes; e++) {
    const env = await createEnv(o.envId, { seed: o.seed + e });
    let obs: ArrayLike<number> = env.reset();
    let total = 0;
    for (let t = 0; t < 1000 && states.length < max; t++) {
      const x = normalizeObs(policy.normalizer, obs, 1);
      if (t % stride === 0) states.push(x.slice());
      const step = env.step(engine.predict(policy.model.actor, x, 1));
      total += step.reward;
      obs = step.obs;
      if (step.terminated || step.truncated) break;
    }
    env.close();
    returns.push(total);
  }
  return { meanReturn: returns.reduce((a, b) => a + b, 0) / returns.length, returns, states };
}
