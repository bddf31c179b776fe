// Hopper-v4 / Hopper-v5 (Gymnasium): hop forward on one leg without falling.
// obs = qpos[1:] (5) + clip(qvel, -10, 10) (6); reward = x velocity + healthy bonus - 1e-3 |a|^2;
// terminated once unhealthy (too low, tilted, or any qpos[2:]/qvel outside (-100, 100)).
import type { Rng } from '@rlprune/random';
import { addUniformNoise, observePlanar, sumOfSquares, type StepOutcome, type Task } from './task';

export interface HopperConfig {
  /** 'v4' pays the healthy bonus on every step, also the one that terminates; 'v5' only while healthy. */
  version: 'v4' | 'v5';
  /** Weight of the forward velocity term. */
  forwardRewardWeight: number;
  /** Weight of the squared-action cost. */
  ctrlCostWeight: number;
  /** Reward per step for staying healthy. */
  healthyReward: number;
  /** Open interval every coordinate of qpos[2:] and qvel must stay in. */
  healthyStateRange: readonly [number, number];
  /** Open interval for the torso height qpos[1]. */
  healthyZRange: readonly [number, number];
  /** Open interval for the torso pitch qpos[2] (radians). */
  healthyAngleRange: readonly [number, number];
  /** Half-width of the uniform noise added to qpos and qvel at reset. */
  resetNoiseScale: number;
  /** Velocities in the observation are clipped to +-this. */
  observationVelocityClip: number;
}

export const defaultHopperConfig: Omit<HopperConfig, 'version'> = {
  forwardRewardWeight: 1.0,
  ctrlCostWeight: 1e-3,
  healthyReward: 1.0,
  healthyStateRange: [-100, 100],
  healthyZRange: [0.7, Infinity],
  healthyAngleRange: [-0.2, 0.2],
  resetNoiseScale: 5e-3,
  observationVelocityClip: 10,
};

const inOpen = (x: number, [lo, hi]: readonly [number, number]): boolean => lo < x && x < hi;

export function hopperTask(version: 'v4' | 'v5', overrides: Partial<HopperConfig> = {}): Task {
  const cfg: HopperConfig = { ...defaultHopperConfig, version, ...overrides };
  const timestep = 0.002;
  const frameSkip = 4;

  function isHealthy(qpos: Float64Array, qvel: Float64Array): boolean {
    for (let i = 2; i < qpos.length; i++) if (!inOpen(qpos[i], cfg.healthyStateRange)) return false;
    for (let i = 0; i < qvel.length; i++) if (!inOpen(qvel[i], cfg.healthyStateRange)) return false;
    return inOpen(qpos[1], cfg.healthyZRange) && inOpen(qpos[2], cfg.healthyAngleRange);
  }

  return {
    spec: {
      id: `Hopper-${version}`,
      obsDim: 11,
      actDim: 3,
      dt: timestep * frameSkip,
      actionLow: [-1, -1, -1],
      actionHigh: [1, 1, 1],
      maxEpisodeSteps: 1000,
      defaultAttackEpsilon: 0.075,
    },
    modelFile: 'hopper.xml',
    timestep,
    frameSkip,
    observe(qpos, qvel, out, offset) {
      observePlanar(qpos, qvel, out, offset, cfg.observationVelocityClip);
    },
    outcome(qpos, qvel, action, xVelocity): StepOutcome {
      const healthy = isHealthy(qpos, qvel);
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
