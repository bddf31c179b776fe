// The simulator process: MuJoCo sessions, the env list and policy evaluation.
import os from 'node:os';
import { listEnvSpecs, loadMujoco } from '@rlprune/envs';
import { decodeStepRequest, protos, type SimulatorHandlers } from '@rlprune/proto';
import { ArtifactClient, attackerAddressesOf, bindService, createLogger, DialAllowList, envInt, packageVersion, runService } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';
import { toWireEnvSpec } from './env-spec';
import { runEvaluate } from './evaluate';
import { EnvBudget } from './budget';
import { runSession } from './session';

export const DEFAULT_PORT = 50052;

export async function main(telemetry: Telemetry): Promise<void> {
  const logger = createLogger('simulator');
  const budget = new EnvBudget({
    maxEnvsPerSession: envInt('SIM_MAX_ENVS_PER_SESSION', 256),
    maxEnvsTotal: envInt('SIM_MAX_ENVS', 1024),
    maxThreadsTotal: envInt('SIM_MAX_THREADS', os.availableParallelism(), process.env, 0),
  });
  const session = { busyPollUs: envInt('SIM_BUSY_POLL_US', 300, process.env, 0) };
  const artifacts = new ArtifactClient(process.env.ORCHESTRATOR_ADDRESS ?? '127.0.0.1:50051');
  // the attackers an Evaluate may stream to: those the orchestrator is configured with too
  const dialable = DialAllowList.fromEnv(attackerAddressesOf(process.env.ATTACKER_ADDRESSES));
  await runService({
    name: 'simulator',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    logger,
    services: [
      bindService<SimulatorHandlers>(
        protos().rlprune.simulator.v1.Simulator.service,
        {
          ListEnvs: async () => ({ envs: listEnvSpecs().map(toWireEnvSpec) }),
          Session: (call) => runSession(call, budget, logger, session),
          Evaluate: (call) => runEvaluate(call, { artifacts, budget, dialable }),
        },
        // steps arrive hundreds of times a second per session; the generic decoder builds objects
        { Session: decodeStepRequest },
      ),
    ],
    // the WASM module loads before the service reports SERVING
    ready: async () => {
      await loadMujoco();
    },
    onShutdown: [() => telemetry.shutdown()],
  });
}
