// Train: PPO in this process against envs in the simulator (or in this process, TRAINER_ENVS=local);
// progress every iteration, checkpoints to the artifact store, the final policy stored and its id
// returned. Cancelling the call stops training within one iteration and closes the simulator session.
import type * as grpc from '@grpc/grpc-js';
import { PPO_DEFAULTS, train } from '@rlprune/rl';
import type { TrainEvent, TrainRequest__Output } from '@rlprune/proto';
import { requireArtifactId, type ArtifactClient, type DialAllowList } from '@rlprune/service-kit';
import { addSpanEvent } from '@rlprune/telemetry';
import { toPpoConfig } from './train-config';
import { openTrainingEnvs, type EnvPlacement } from './training-envs';

export interface TrainerDeps {
  artifacts: ArtifactClient;
  simulatorAddress: string;
  /** Busy-poll window of the simulator session (sim-client sessionBusyPollUs). */
  sessionBusyPollUs: number;
  /** Envs in the simulator service or in this process (TRAINER_ENVS). */
  envPlacement: EnvPlacement;
  /** Simulator addresses a Train request may name (SIMULATOR_ADDRESS, RLPRUNE_DIAL_ALLOW). */
  dialable: DialAllowList;
  /** Largest actor-critic a request may ask for (RLPRUNE_MAX_POLICY_PARAMETERS). */
  maxPolicyParameters: number;
  /** One line per training started (which trainer of several took which run). */
  logger?: { info(fields: object, message: string): void };
}

export async function runTrain(call: grpc.ServerWritableStream<TrainRequest__Output, TrainEvent>, deps: TrainerDeps): Promise<void> {
  const req = call.request;
  const config = toPpoConfig(req, deps.maxPolicyParameters);
  const resumeFrom = req.resumeFrom?.id ? await deps.artifacts.get(requireArtifactId(req.resumeFrom, 'resume_from')) : undefined;
  const controller = new AbortController();
  call.on('cancelled', () => controller.abort());
  const env = await openTrainingEnvs({
    placement: deps.envPlacement,
    address: req.simulatorAddress ? deps.dialable.check(req.simulatorAddress, 'simulator_address') : deps.simulatorAddress,
    envId: config.envId,
    numEnvs: config.numEnvs ?? PPO_DEFAULTS.numEnvs,
    // the envs' reset noise uses the run seed itself, as an in-process run of libs/rl does
    seed: req.seed,
    busyPollUs: deps.sessionBusyPollUs,
    signal: controller.signal,
  });
  const labels = { env: config.envId, seed: String(req.seed) };
  deps.logger?.info({ env: config.envId, seed: req.seed, totalTimesteps: req.totalTimesteps, envs: deps.envPlacement }, 'training started');
  try {
    const result = await train(config, env, {
      signal: controller.signal,
      ...(resumeFrom ? { resumeFrom } : {}),
      onIteration: (p) => {
        // on the Train server span, so Jaeger shows the run's course on its timeline
        addSpanEvent('ppo.iteration', {
          'rlprune.iteration': p.iteration,
          'rlprune.env_steps': p.envSteps,
          'rlprune.mean_return': p.meanReturn,
          'rlprune.sparsity': p.sparsity,
          'rlprune.surrogate_bound': p.lipschitzBound,
        });
        call.write({
          progress: {
            iteration: p.iteration,
            iterations: p.iterations,
            envSteps: p.envSteps,
            stepsPerSecond: p.stepsPerSecond,
            meanReturn: p.meanReturn,
            policyLoss: p.policyLoss,
            valueLoss: p.valueLoss,
            entropy: p.entropy,
            saLoss: p.saLoss,
            approxKl: p.approxKl,
            clipFraction: p.clipFraction,
            sparsity: p.sparsity,
            lipschitzBound: p.lipschitzBound,
            maskUpdates: p.maskUpdates,
          },
        });
      },
      onCheckpoint: async (bytes, iteration) => {
        const id = await deps.artifacts.put(bytes, { kind: 'checkpoint', labels: { ...labels, iteration: String(iteration) } });
        call.write({ checkpoint: { id } });
      },
    });
    const id = await deps.artifacts.put(result.policy, { kind: 'policy', labels });
    call.write({ result: { policy: { id }, finalMeanReturn: result.meanReturn, envSteps: result.envSteps } });
  } finally {
    env.close();
  }
}
