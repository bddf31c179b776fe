// Walker2d-v4 / Walker2d-v5 (Gymnasium): walk forward on two legs without falling.
// obs = qpos[1:] (8) + clip(qvel, -10, 10) (9); reward = x velocity + healthy bonus - 1e-3 |a|^2;
// terminated once the torso leaves the height band or tilts too far.
// v5 also changes the model: the right foot's friction is 1.9 like the left one (walker2d_v5.xml).
import type { Rng } from '@rlprune/random';
import { addUniformNoise, observePlanar, sumOfSquares, type StepOutcome, type Task } from './task';

export interface Walker2dConfig {
  /** 'v4' pays the healthy bonus on every step, also the one that terminates; 'v5' only while healthy. */
  version: 'v4' | 'v5';
  /** Weight of the forward velocity term. */
  forwardRewardWeight: number;
  /** Weight of the squared-action cost. */
  ctrlCostWeight: number;
  /** Reward per step for staying healthy. */
  healthyReward: number;
  /** Open interval for the torso height qpos[1]. */
  healthyZRange: readonly [number, number];
  /** Open interval for the torso pitch qpos[2] (radians). */
  healthyAngleRange: readonly [number, number];
  /** Half-width of the uniform noise added to qpos and qvel at reset. */
  resetNoiseScale: number;
  /** Velocities in the observation are clipped to +-this. */
  observationVelocityClip: number;
}

export const defaultWalker2dConfig: Omit<Walker2dConfig, 'version'> = {
  forwardRewardWeight: 1.0,
  ctrlCostWeight: 1e-3,
  healthyReward: 1.0,
  healthyZRange: [0.8, 2.0],
  healthyAngleRange: [-1, 1],
  resetNoiseScale: 5e-3,
  observationVelocityClip: 10,
};

const inOpen = (x: number, [lo, hi]: readonly [number, number]): boolean => lo < x && x < hi;

export function walker2dTask(version: 'v4' | 'v5', overrides: Partial<Walker2dConfig> = {}): Task {
  const cfg: Walker2dConfig = { ...defaultWalker2dConfig, version, ...overrides };
  const timestep = 0.002;
  const frameSkip = 4;

  return {
    spec: {
      id: `Walker2d-${version}`,
      obsDim: 17,
      actDim: 6,
      dt: timestep * frameSkip,
      actionLow: [-1, -1, -1, -1, -1, -1],
      actionHigh: [1, 1, 1, 1, 1, 1],
      maxEpisodeSteps: 1000,
      defaultAttackEpsilon: 0.05,
    },
    modelFile: version === 'v4' ? 'walker2d_v4.xml' : 'walker2d_v5.xml',
    timestep,
    frameSkip,
    observe(qpos, qvel, out, offset) {
      observePlanar(qpos, qvel, out, offset, cfg.observationVelocityClip);
    },
    outcome(qpos, _qvel, action, xVelocity): StepOutcome {
      const healthy = inOpen(qpos[1], cfg.healthyZRange) && inOpen(qpos[2], cfg.healthyAngleRange);
      const forwardReward = cfg.forwardRewardWeight * xVelocity;
      // v4 computes the bonus as (healthy or terminate_when_unhealthy) * bonus, i.e. always paid.
      const healthyReward = version === 'v4' || healthy ? cfg.healthyReward : 0;
      const ctrlCost = cfg.ctrlCostWeight * sumOfSquares(action);
      return { reward: forwardReward + healthyReward - ctrlCost, terminated: !healthy };
    },
    addResetNoise(rng: Rng, qpos, qvel) {
      addUniformNoise(rng, qpos, cfg.resetNoiseScale);
      addUniformNoise(rng, qvel, cfg.resetNoiseScale);
    },
  };
}
