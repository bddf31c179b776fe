// Scripted rollouts for the CLI (`rlprune env rollout`) and for debugging: one record per env step,
// plus a record with step 0 for the first observation of every episode. When an episode ends before
// `steps` env steps are done, the env is reset and the rollout goes on with the next episode.
import { InvalidArgumentError, show } from '@rlprune/errors';
import { createEnv } from './mujoco-env';
import { getEnvSpec } from './registry';

export interface RolloutOptions {
  /** Env id, e.g. 'Hopper-v4'. */
  envId: string;
  /** Seed of the reset noise (the env draws from deriveSeed(seed, 'env', 0)). */
  seed: number;
  /** false: episodes start exactly at the model's initial state. Default true. */
  resetNoise?: boolean;
  /** Action of each env step; without it, zero actions. */
  actions?: ArrayLike<number>[];
  /** Env steps to run. Default: actions.length when actions are given, else the spec's maxEpisodeSteps. */
  steps?: number;
}

export interface RolloutRecord {
  /** 0 for the first episode, counting up at each reset. */
  episode: number;
  /** Step within the episode: 0 is the reset observation (reward 0), then 1, 2, ... */
  step: number;
  obs: number[];
  reward: number;
  terminated: boolean;
  truncated: boolean;
}

export async function* rollout(options: RolloutOptions): AsyncGenerator<RolloutRecord> {
  const spec = getEnvSpec(options.envId);
  const actions = options.actions;
  if (actions !== undefined && !Array.isArray(actions)) {
    throw new InvalidArgumentError('actions', 'an array of action arrays', show(actions));
  }
  const steps = options.steps ?? actions?.length ?? spec.maxEpisodeSteps;
  if (!Number.isSafeInteger(steps) || steps < 0) throw new InvalidArgumentError('steps', 'an integer >= 0', show(steps));
  if (actions !== undefined && steps > actions.length) {
    throw new InvalidArgumentError('steps', `at most the number of actions (${actions.length})`, String(steps));
  }
  const env = await createEnv(options.envId, { seed: options.seed, resetNoise: options.resetNoise ?? true });
  try {
    // Check every action before the first step, so bad input prints nothing.
    if (actions !== undefined) for (let t = 0; t < steps; t++) env.checkAction(actions[t], `actions[${t}]`);
    const zero = new Float64Array(spec.actDim);
    let episode = 0;
    let step = 0;
    const begin = (): RolloutRecord => ({ episode, step: 0, obs: Array.from(env.reset()), reward: 0, terminated: false, truncated: false });
    yield begin();
    for (let t = 0; t < steps; t++) {
      const result = env.step(actions === undefined ? zero : actions[t]);
      step++;
      yield { episode, step, obs: Array.from(result.obs), reward: result.reward, terminated: result.terminated, truncated: result.truncated };
      if ((result.terminated || result.truncated) && t + 1 < steps) {
        episode++;
        step = 0;
        yield begin();
      }
    }
  } finally {
    env.close();
  }
}

/** Parses the CLI's --actions FILE.json text: an array of action arrays of numbers. */
export function parseActionsJson(text: string): number[][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InvalidArgumentError('actions', 'valid JSON (an array of action arrays)', `a parse error: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new InvalidArgumentError('actions', 'an array of action arrays', show(parsed));
  parsed.forEach((row: unknown, t) => {
    if (!Array.isArray(row)) throw new InvalidArgumentError(`actions[${t}]`, 'an array of numbers', show(row));
    row.forEach((a: unknown, i) => {
      if (typeof a !== 'number') throw new InvalidArgumentError(`actions[${t}][${i}]`, 'a number', show(a));
    });
  });
  return parsed as number[][];
}
