// The pruner process: one-shot pruning and schedule previews (logic lands with libs/pruning).
import { protos } from '@rlprune/proto';
import { packageVersion, runService } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';

export const DEFAULT_PORT = 50054;

export async function main(telemetry: Telemetry): Promise<void> {
  await runService({
    name: 'pruner',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    services: [{ definition: protos().rlprune.pruner.v1.Pruner.service, implementation: {} }],
    onShutdown: [() => telemetry.shutdown()],
  });
}
