// The trainer process: PPO and SA-PPO with pruning during training, on envs of the simulator.
import { protos, type TrainerHandlers } from '@rlprune/proto';
import { ArtifactClient, bindService, createLogger, DialAllowList, packageVersion, runService } from '@rlprune/service-kit';
import { sessionBusyPollUs } from '@rlprune/sim-client';
import type { Telemetry } from '@rlprune/telemetry';
import { runTrain } from './train';
import { maxPolicyParameters } from './train-config';
import { envPlacement } from './training-envs';

export const DEFAULT_PORT = 50053;

export async function main(telemetry: Telemetry): Promise<void> {
  const simulatorAddress = process.env.SIMULATOR_ADDRESS ?? '127.0.0.1:50052';
  const deps = {
    artifacts: new ArtifactClient(process.env.ORCHESTRATOR_ADDRESS ?? '127.0.0.1:50051'),
    simulatorAddress,
    dialable: DialAllowList.fromEnv([simulatorAddress]),
    sessionBusyPollUs: sessionBusyPollUs(),
    envPlacement: envPlacement(),
    maxPolicyParameters: maxPolicyParameters(),
    logger: createLogger('trainer'),
  };
  await runService({
    name: 'trainer',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    services: [
      bindService<TrainerHandlers>(protos().rlprune.trainer.v1.Trainer.service, { Train: (call) => runTrain(call, deps) }),
    ],
    onShutdown: [() => telemetry.shutdown()],
  });
}
