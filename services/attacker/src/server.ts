// The attacker process: one attack per deployment, chosen by ATTACK (random, critic, mad, rs,
// rs_mad, learned, correlated), behind the same contract for all.
import { attackByName, type Attack } from '@rlprune/attacks';
import { protos, type AttackerHandlers } from '@rlprune/proto';
import { ArtifactClient, bindService, DialAllowList, packageVersion, readCap, runService } from '@rlprune/service-kit';
import { sessionBusyPollUs } from '@rlprune/sim-client';
import type { Telemetry } from '@rlprune/telemetry';
import { DEFAULT_MAX_PERTURB_ROWS, describe, perturb, prepare } from './handlers';

export const DEFAULT_PORT = 50055;

export async function main(telemetry: Telemetry): Promise<void> {
  let attack: Attack;
  try {
    attack = attackByName(process.env.ATTACK ?? 'random');
  } catch (err) {
    process.stderr.write(`attacker: ATTACK: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const simulatorAddress = process.env.SIMULATOR_ADDRESS ?? '127.0.0.1:50052';
  const deps = {
    attack,
    artifacts: new ArtifactClient(process.env.ORCHESTRATOR_ADDRESS ?? '127.0.0.1:50051'),
    simulatorAddress,
    dialable: DialAllowList.fromEnv([simulatorAddress]),
    sessionBusyPollUs: sessionBusyPollUs(),
    maxPerturbRows: readCap('RLPRUNE_MAX_PERTURB_ROWS', DEFAULT_MAX_PERTURB_ROWS, 'rows per Perturb batch'),
  };
  await runService({
    name: 'attacker',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    details: { attack: attack.name },
    services: [
      bindService<AttackerHandlers>(protos().rlprune.attacker.v1.Attacker.service, {
        Describe: async () => describe(attack),
        Prepare: (call) => prepare(call, deps),
        Perturb: (call) => perturb(call, deps),
      }),
    ],
    onShutdown: [() => telemetry.shutdown()],
  });
}
