// HalfCheetah-v4 / HalfCheetah-v5 (Gymnasium): run forward as fast as possible; never terminates.
// obs = qpos[1:] (8) + qvel (9), velocities not clipped; reward = x velocity - 0.1 |a|^2.
// v5 changes nothing that this library exposes (same model, reward, noise); both ids exist so that
// experiments can name the version they mean.
import type { Rng } from '@rlprune/random';
import { addUniformNoise, observePlanar, sumOfSquares, type StepOutcome, type Task } from './task';

export interface HalfCheetahConfig {
  version: 'v4' | 'v5';
  /** Weight of the forward velocity term. */
  forwardRewardWeight: number;
  /** Weight of the squared-action cost. */
  ctrlCostWeight: number;
  /** Half-width of the uniform qpos noise and standard deviation of the Gaussian qvel noise at reset. */
  resetNoiseScale: number;
}

export const defaultHalfCheetahConfig: Omit<HalfCheetahConfig, 'version'> = {
  forwardRewardWeight: 1.0,
  ctrlCostWeight: 0.1,
  resetNoiseScale: 0.1,
};

export function halfCheetahTask(version: 'v4' | 'v5', overrides: Partial<HalfCheetahConfig> = {}): Task {
  const cfg: HalfCheetahConfig = { ...defaultHalfCheetahConfig, version, ...overrides };
  const timestep = 0.01;
  const frameSkip = 5;

  return {
    spec: {
      id: `HalfCheetah-${version}`,
      obsDim: 17,
      actDim: 6,
      dt: timestep * frameSkip,
      actionLow: [-1, -1, -1, -1, -1, -1],
      actionHigh: [1, 1, 1, 1, 1, 1],
      maxEpisodeSteps: 1000,
      defaultAttackEpsilon: 0.15,
    },
    modelFile: 'half_cheetah.xml',
    timestep,
    frameSkip,
    observe(qpos, qvel, out, offset) {
      observePlanar(qpos, qvel, out, offset, Infinity);
    },
    outcome(_qpos, _qvel, action, xVelocity): StepOutcome {
      const forwardReward = cfg.forwardRewardWeight * xVelocity;
      const ctrlCost = cfg.ctrlCostWeight * sumOfSquares(action);
      return { reward: forwardReward - ctrlCost, terminated: false };
    },
    addResetNoise(rng: Rng, qpos, qvel) {
      addUniformNoise(rng, qpos, cfg.resetNoiseScale);
      for (let i = 0; i < qvel.length; i++) qvel[i] = qvel[i] + cfg.resetNoiseScale * rng.normal();
    },
  };
}
