// The orchestrator process: experiments (logic lands with the orchestrator work), the artifact store
// and the system status.
import { protos } from '@rlprune/proto';
import { packageVersion, runService, type ServiceHandle } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';
import { DEFAULT_PORTS, loadConfig, serviceTargets } from './config';
import { ArtifactStore } from './store/artifact-store';
import { artifactStoreHandlers } from './store/artifact-service';
import { systemStatus } from './status/system-status';

export async function main(telemetry: Telemetry): Promise<void> {
  const cfg = loadConfig();
  const version = packageVersion(__dirname);
  const store = new ArtifactStore(cfg.home);
  const p = protos().rlprune.orchestrator.v1;
  const handle: ServiceHandle = await runService({
    name: 'orchestrator',
    version,
    defaultPort: DEFAULT_PORTS.orchestrator,
    details: { home: cfg.home },
    services: [
      {
        definition: p.Orchestrator.service,
        implementation: {
          GetSystemStatus: async () => ({
            services: await systemStatus({ address: handle.address, version }, serviceTargets(cfg)),
          }),
        },
      },
      { definition: p.ArtifactStore.service, implementation: artifactStoreHandlers(store) },
    ],
    onShutdown: [() => telemetry.shutdown()],
  });
}
