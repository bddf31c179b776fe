// The acceptance learning test: CleanRL-default PPO (1 env, 2048-step rollouts, 10 epochs x 32
// minibatches, 64-64 tanh) on InvertedPendulum-v4 reaches a mean return >= 950 within 150k env steps
// for a fixed seed. About 20 s on one free core (about 7,800 env steps/s).
import { describe, expect, it } from 'vitest';
import { createEnv } from '@rlprune/envs';
import { createKernelEngine, decodePolicy, normalizeObs } from '@rlprune/nn';
import { createLocalVecEnv } from './local-vec-env';
import { train, type IterationProgress } from './ppo';

describe('PPO learns', () => {
  it('InvertedPendulum-v4: mean return >= 950 within 150k env steps (seed 1), and the artifact balances deterministically', async () => {
    const env = await createLocalVecEnv('InvertedPendulum-v4', { numEnvs: 1, seed: 1 });
    const progress: IterationProgress[] = [];
    const result = await train({ envId: 'InvertedPendulum-v4', seed: 1, totalTimesteps: 150_000 }, env, {
      onIteration: (p) => void progress.push(p),
    });
    env.close();
    expect(result.envSteps).toBeLessThanOrEqual(150_000);
    const first = progress.find((p) => p.meanReturn >= 950);
    expect(first, `best mean return ${Math.max(...progress.map((p) => p.meanReturn))}`).toBeDefined();
    expect(result.meanReturn).toBeGreaterThanOrEqual(950);

    // The frozen artifact on its own: normalise with its statistics, act with the mean.
    const policy = decodePolicy(result.policy);
    expect(policy.metadata).toMatchObject({ env: 'InvertedPendulum-v4', seed: 1, trainingStep: result.envSteps });
    const engine = createKernelEngine();
    const evalEnv = await createEnv('InvertedPendulum-v4', { seed: 1234 });
    let obs = evalEnv.reset();
    let total = 0;
    for (let t = 0; t < 1000; t++) {
      const action = engine.predict(policy.model.actor, normalizeObs(policy.normalizer, obs, 1), 1);
      const step = evalEnv.step(action);
      total += step.reward;
      obs = step.obs;
      if (step.terminated || step.truncated) break;
    }
    evalEnv.close();
    expect(total).toBeGreaterThanOrEqual(950);
  }, 300_000);
});
