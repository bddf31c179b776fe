// InvertedPendulum-v4 (Gymnasium): keep a pole upright on a cart.
// obs = qpos (2) + qvel (2); reward 1 per step; terminated when the pole tilts past 0.2 rad or the
// observation stops being finite.
import type { Rng } from '@rlprune/random';
import { addUniformNoise, type StepOutcome, type Task } from './task';

export interface InvertedPendulumConfig {
  /** Reward for every step, including the one that terminates (v4). */
  aliveReward: number;
  /** The episode ends when |pole angle| exceeds this (radians). */
  maxPoleAngle: number;
  /** Half-width of the uniform noise added to qpos and qvel at reset. */
  resetNoiseScale: number;
}

export const defaultInvertedPendulumConfig: InvertedPendulumConfig = {
  aliveReward: 1.0,
  maxPoleAngle: 0.2,
  resetNoiseScale: 0.01,
};

export function invertedPendulumTask(overrides: Partial<InvertedPendulumConfig> = {}): Task {
  const cfg: InvertedPendulumConfig = { ...defaultInvertedPendulumConfig, ...overrides };
  const timestep = 0.02;
  const frameSkip = 2;

  return {
    spec: {
      id: 'InvertedPendulum-v4',
      obsDim: 4,
      actDim: 1,
      dt: timestep * frameSkip,
      actionLow: [-3],
      actionHigh: [3],
      maxEpisodeSteps: 1000,
      // No published default. The task fails at 0.2 rad of tilt, so it is far less forgiving than
      // locomotion; take the smallest of the locomotion budgets (Walker2d's 0.05) as the default.
      defaultAttackEpsilon: 0.05,
    },
    modelFile: 'inverted_pendulum.xml',
    timestep,
    frameSkip,
    observe(qpos, qvel, out, offset) {
      out[offset] = qpos[0];
      out[offset + 1] = qpos[1];
      out[offset + 2] = qvel[0];
      out[offset + 3] = qvel[1];
    },
    outcome(qpos, qvel, _action, _xVelocity): StepOutcome {
      const finite =
        Number.isFinite(qpos[0]) && Number.isFinite(qpos[1]) && Number.isFinite(qvel[0]) && Number.isFinite(qvel[1]);
      return { reward: cfg.aliveReward, terminated: !finite || Math.abs(qpos[1]) > cfg.maxPoleAngle };
    },
    addResetNoise(rng: Rng, qpos, qvel) {
      addUniformNoise(rng, qpos, cfg.resetNoiseScale);
      addUniformNoise(rng, qvel, cfg.resetNoiseScale);
    },
  };
}
