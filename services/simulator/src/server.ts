// The simulator process: MuJoCo sessions, evaluation and the env list (logic lands with libs/envs).
import { protos } from '@rlprune/proto';
import { packageVersion, runService } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';

export const DEFAULT_PORT = 50052;

export async function main(telemetry: Telemetry): Promise<void> {
  await runService({
    name: 'simulator',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    services: [{ definition: protos().rlprune.simulator.v1.Simulator.service, implementation: {} }],
    onShutdown: [() => telemetry.shutdown()],
  });
}
