// The attacker process: one attack per deployment, chosen by ATTACK (logic lands with libs/attacks).
import { protos } from '@rlprune/proto';
import { packageVersion, runService } from '@rlprune/service-kit';
import type { Telemetry } from '@rlprune/telemetry';

export const DEFAULT_PORT = 50055;

export async function main(telemetry: Telemetry): Promise<void> {
  const attack = process.env.ATTACK ?? 'random';
  await runService({
    name: 'attacker',
    version: packageVersion(__dirname),
    defaultPort: DEFAULT_PORT,
    details: { attack },
    services: [{ definition: protos().rlprune.attacker.v1.Attacker.service, implementation: {} }],
    onShutdown: [() => telemetry.shutdown()],
  });
}
