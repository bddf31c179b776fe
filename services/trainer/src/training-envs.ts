// Where a training's envs live. `simulator` (the default, and the cluster's way): a Session on the
// simulator service, so physics scales apart from training. `local` (TRAINER_ENVS=local, set by the
// local launcher): the envs run in the trainer's own process; on one machine a grid of concurrent
// trainings is CPU-bound, and each simulator round trip costs CPU on both ends (gRPC framing, the
// event loops) that the trainings need. Both seed env i from deriveSeed(seed, 'env', i), so a
// training returns the same policy either way (tested).
import { createLocalVecEnv, type VecEnvLike } from '@rlprune/rl';
import { ConfigError } from '@rlprune/service-kit';
import { RemoteVecEnv } from '@rlprune/sim-client';

export const ENV_PLACEMENTS = ['simulator', 'local'] as const;
export type EnvPlacement = (typeof ENV_PLACEMENTS)[number];

/** TRAINER_ENVS, default 'simulator'; a bad value is a ConfigError (one line, exit 2). */
export function envPlacement(env: NodeJS.ProcessEnv = process.env): EnvPlacement {
  const raw = env.TRAINER_ENVS ?? 'simulator';
  if (!(ENV_PLACEMENTS as readonly string[]).includes(raw)) {
    throw new ConfigError(`TRAINER_ENVS: expected one of ${ENV_PLACEMENTS.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as EnvPlacement;
}

export interface TrainingEnvsOptions {
  placement: EnvPlacement;
  /** Simulator address (used with placement 'simulator'). */
  address: string;
  envId: string;
  numEnvs: number;
  seed: number;
  /** Busy-poll window of the simulator session (sim-client sessionBusyPollUs). */
  busyPollUs: number;
  signal: AbortSignal;
}

export async function openTrainingEnvs(o: TrainingEnvsOptions): Promise<VecEnvLike & { close(): void }> {
  if (o.placement === 'local') return createLocalVecEnv(o.envId, { numEnvs: o.numEnvs, seed: o.seed });
  return RemoteVecEnv.open({ address: o.address, envId: o.envId, numEnvs: o.numEnvs, seed: o.seed, busyPollUs: o.busyPollUs, signal: o.signal });
}
