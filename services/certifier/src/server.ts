// The certifier process: global and per-state robustness bounds of stored policies.
import { protos, type CertifierHandlers } from '@rlprune/proto';
import { ArtifactClient, bindService, packageVersion, runService } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';
import { certify } from './certify';

export const DEFAULT_PORT = 50056;

export async function main(telemetry: Telemetry): Promise<void> {
  const artifacts = new ArtifactClient(process.env.ORCHESTRATOR_ADDRESS ?? '127.0.0.1:50051');
  await runService({
    name: 'certifier',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    services: [
      bindService<CertifierHandlers>(protos().rlprune.certifier.v1.Certifier.service, { Certify: (call) => certify(call, artifacts) }),
    ],
    onShutdown: [() => telemetry.shutdown()],
  });
}
