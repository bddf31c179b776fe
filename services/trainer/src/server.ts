// The trainer process: PPO and SA-PPO training with pruning (logic lands with libs/rl).
import { protos } from '@rlprune/proto';
import { packageVersion, runService } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';

export const DEFAULT_PORT = 50053;

export async function main(telemetry: Telemetry): Promise<void> {
  await runService({
    name: 'trainer',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    services: [{ definition: protos().rlprune.trainer.v1.Trainer.service, implementation: {} }],
    onShutdown: [() => telemetry.shutdown()],
  });
}
