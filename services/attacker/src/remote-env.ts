// Prepare gathers experience through simulator sessions: an EnvFactory over RemoteVecEnv.
import type { EnvFactory } from '@rlprune/attacks';
import { RemoteVecEnv } from '@rlprune/sim-client';
import { FailedPreconditionError } from '@rlprune/service-kit';

export function remoteEnvFactory(simulatorAddress: string, busyPollUs: number, signal?: AbortSignal): EnvFactory {
  return async (r) => {
    if (r.maxEpisodeSteps !== undefined) {
      // sessions always use the env's own time limit; a shorter one is a local-only test convenience
      throw new FailedPreconditionError('params', `remote sessions use the env's own time limit; maxEpisodeSteps ${r.maxEpisodeSteps} is not supported`);
    }
    return RemoteVecEnv.open({ address: simulatorAddress, envId: r.envId, numEnvs: r.numEnvs, seed: r.seed, busyPollUs, ...(signal ? { signal } : {}) });
  };
}
