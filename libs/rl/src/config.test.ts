import { describe, expect, it } from 'vitest';
import { ppoSizes, resolvePpoConfig, type PpoConfig } from './config';
import { InvalidArgumentError } from '@rlprune/errors';

const base: PpoConfig = { envId: 'Hopper-v4' };

function errorOf(config: PpoConfig): InvalidArgumentError {
  try {
    resolvePpoConfig(config);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidArgumentError);
    return err as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('resolvePpoConfig', () => {
  it("fills in CleanRL's PPO defaults (ANCHORS.md)", () => {
    const c = resolvePpoConfig(base);
    expect(c).toMatchObject({
      numEnvs: 1, numSteps: 2048, updateEpochs: 10, numMinibatches: 32, gamma: 0.99, gaeLambda: 0.95, clipCoef: 0.2,
      vfCoef: 0.5, entCoef: 0, learningRate: 3e-4, adamEps: 1e-5, annealLr: true, maxGradNorm: 0.5, normAdv: true,
      hidden: [64, 64], activation: 'tanh', obsClip: 10, rewardClip: 10, sa: null, pruning: null,
    });
    expect(ppoSizes(c)).toEqual({ batchSize: 2048, minibatchSize: 64, iterations: 488, gradientSteps: 488 * 320 });
  });

  it('derives the SA epsilon from the env and ramps over 75% by default', () => {
    const c = resolvePpoConfig({ ...base, sa: { kappa: 0.3 } });
    expect(c.sa).toEqual({
      kappa: 0.3, epsilon: 0.075, rampFraction: 0.75, method: 'sgld', sgldSteps: 10, sgldBeta: 1e-5, detachStdev: false, convexBounds: 'crown-ibp',
    });
  });

  it("gives an SA run SA-PPO's optimiser (own value Adam at 2.5e-4, no clip) and PPO CleanRL's, unless set", () => {
    expect(resolvePpoConfig(base)).toMatchObject({ valueLearningRate: null, maxGradNorm: 0.5 });
    expect(resolvePpoConfig({ ...base, sa: { kappa: 0 } })).toMatchObject({ valueLearningRate: null, maxGradNorm: 0.5 });
    expect(resolvePpoConfig({ ...base, sa: { kappa: 0.3 } })).toMatchObject({ valueLearningRate: 2.5e-4, maxGradNorm: null });
    // Set explicitly (null included), the fields win either way.
    expect(resolvePpoConfig({ ...base, sa: { kappa: 0.3 }, valueLearningRate: null, maxGradNorm: 0.5 })).toMatchObject({ valueLearningRate: null, maxGradNorm: 0.5 });
    expect(resolvePpoConfig({ ...base, valueLearningRate: 1e-3, maxGradNorm: null })).toMatchObject({ valueLearningRate: 1e-3, maxGradNorm: null });
  });

  it.each([
    [{ learningRate: 0 }, 'learningRate', 'a number > 0', 'got 0'],
    [{ learningRate: -3e-4 }, 'learningRate', 'a number > 0', 'got -0.0003'],
    [{ clipCoef: 0 }, 'clipCoef', 'a number > 0', 'got 0'],
    [{ clipCoef: -0.2 }, 'clipCoef', 'a number > 0', 'got -0.2'],
    [{ numSteps: 100, numMinibatches: 32 }, 'numMinibatches', 'a divisor of the batch numSteps x numEnvs = 100 x 1 = 100', 'got 32'],
    [{ numEnvs: 3, numSteps: 10, numMinibatches: 4 }, 'numMinibatches', '= 30', 'got 4'],
    [{ sa: { kappa: -0.1 } }, 'sa.kappa', 'a number >= 0', 'got -0.1'],
    [{ pruning: { criterion: 'magnitude', finalSparsity: 0.9, startFraction: 0.8, endFraction: 0.75 } }, 'pruning.startFraction', 'before the pruning end (pruning.endFraction = 0.75)', 'got 0.8'],
    [{ totalTimesteps: 1000 }, 'totalTimesteps', "at least one iteration's batch", 'got 1000'],
    [{ gamma: 1.5 }, 'gamma', 'a number in [0, 1]', 'got 1.5'],
    [{ maxGradNorm: 0 }, 'maxGradNorm', 'a number > 0', 'got 0'],
    [{ valueLearningRate: -1 }, 'valueLearningRate', 'a number > 0', 'got -1'],
    [{ sa: { kappa: 0.3, convexBounds: 'ibp' } }, 'sa.convexBounds', 'one of "crown-ibp", "crown"', 'got "ibp"'],
    [{ sa: { kappa: 0.3, detachStdev: 1 } }, 'sa.detachStdev', 'true or false', 'got 1'],
  ] as Array<[Partial<PpoConfig>, string, string, string]>)('%j -> error naming %s', (patch, field, expected, actual) => {
    const err = errorOf({ ...base, ...patch });
    expect(err.field).toBe(field);
    expect(err.message).toContain(field);
    expect(err.message).toContain(expected);
    expect(err.message).toContain(actual);
  });

  it("re-raises libs/pruning's checks under the pruning. prefix", () => {
    const err = errorOf({ ...base, pruning: { criterion: 'magnitude', finalSparsity: 1.2 } });
    expect(err.field).toBe('pruning.finalSparsity');
    expect(err.message).toMatch(/pruning\.finalSparsity: .*\[0, 1\).*1\.2/);
  });

  it('seeds the random pruning criterion from the run seed unless given', () => {
    const a = resolvePpoConfig({ ...base, seed: 1, pruning: { criterion: 'random', finalSparsity: 0.5 } });
    const b = resolvePpoConfig({ ...base, seed: 2, pruning: { criterion: 'random', finalSparsity: 0.5 } });
    const c = resolvePpoConfig({ ...base, seed: 2, pruning: { criterion: 'random', finalSparsity: 0.5, seed: 7 } });
    expect(a.pruning!.seed).not.toBe(b.pruning!.seed);
    expect(c.pruning!.seed).toBe(7);
  });
});
