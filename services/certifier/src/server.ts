// The certifier process: global and per-state robustness bounds (logic lands with libs/certify).
import { protos } from '@rlprune/proto';
import { packageVersion, runService } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';

export const DEFAULT_PORT = 50056;

export async function main(telemetry: Telemetry): Promise<void> {
  await runService({
    name: 'certifier',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    services: [{ definition: protos().rlprune.certifier.v1.Certifier.service, implementation: {} }],
    onShutdown: [() => telemetry.shutdown()],
  });
}
