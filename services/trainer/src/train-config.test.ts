import { describe, expect, it } from 'vitest';
import { PPO_DEFAULTS, resolvePpoConfig } from '@rlprune/rl';
import type { TrainRequest__Output } from '@rlprune/proto/src/generated/rlprune/trainer/v1/TrainRequest';
import { toPpoConfig } from './train-config';

// What protoLoader hands the server: unset optional fields are undefined, unset strings ''.
function request(ppo: Record<string, unknown>, sa: Record<string, unknown> | null): TrainRequest__Output {
  return {
    envId: 'Hopper-v4', seed: 1, totalTimesteps: 4096, ppo: { hidden: [], activation: '', ...ppo }, sa: sa ? { kappa: 0, method: '', convexBounds: '', ...sa } : null,
    pruning: null, checkpointEvery: 0, resumeFrom: null, simulatorAddress: '',
  } as unknown as TrainRequest__Output;
}

describe('toPpoConfig', () => {
  it("leaves the optimiser to libs/rl's rule when unset: SA-PPO's for an SA run, CleanRL's for PPO", () => {
    expect(resolvePpoConfig(toPpoConfig(request({}, null)))).toMatchObject({ valueLearningRate: null, maxGradNorm: 0.5 });
    expect(resolvePpoConfig(toPpoConfig(request({}, { kappa: 0.3 })))).toMatchObject({ valueLearningRate: 2.5e-4, maxGradNorm: null });
  });

  it('reads 0 as none (no clip, one joint Adam) and passes other values through', () => {
    const none = resolvePpoConfig(toPpoConfig(request({ maxGradNorm: 0, valueLearningRate: 0 }, { kappa: 0.3 })));
    expect(none).toMatchObject({ valueLearningRate: null, maxGradNorm: null });
    const set = resolvePpoConfig(toPpoConfig(request({ maxGradNorm: 0.5, valueLearningRate: 1e-3 }, null)));
    expect(set).toMatchObject({ valueLearningRate: 1e-3, maxGradNorm: 0.5 });
  });

  it('maps detach_stdev and convex_bounds, and keeps their defaults when unset', () => {
    const given = resolvePpoConfig(toPpoConfig(request({}, { kappa: 0.1, method: 'convex', detachStdev: true, convexBounds: 'crown' })));
    expect(given.sa).toMatchObject({ method: 'convex', detachStdev: true, convexBounds: 'crown' });
    const unset = resolvePpoConfig(toPpoConfig(request({}, { kappa: 0.1, method: 'convex' })));
    expect(unset.sa).toMatchObject({ detachStdev: false, convexBounds: 'crown-ibp' });
  });

  it("maps every PPO field under CleanRL's name; num_steps is per env and defaults to libs/rl's default whatever num_envs", () => {
    const given = {
      numSteps: 64, numEnvs: 4, updateEpochs: 3, numMinibatches: 8, clipCoef: 0.1, vfCoef: 0.25, entCoef: 0.01, gamma: 0.9, gaeLambda: 0.8,
      learningRate: 1e-3, annealLr: false, normAdv: false, clipVloss: false, targetKl: 0.02,
    };
    expect(resolvePpoConfig(toPpoConfig(request(given, null)))).toMatchObject({ ...given, totalTimesteps: 4096 });
    expect(resolvePpoConfig(toPpoConfig(request({ targetKl: 0 }, null)))).toMatchObject({ targetKl: null, annealLr: true, normAdv: true, clipVloss: true });
    const eightEnvs = toPpoConfig({ ...request({ numEnvs: 8 }, null), totalTimesteps: 8 * PPO_DEFAULTS.numSteps });
    expect(resolvePpoConfig(eightEnvs)).toMatchObject({ numEnvs: 8, numSteps: PPO_DEFAULTS.numSteps });
  });
});
