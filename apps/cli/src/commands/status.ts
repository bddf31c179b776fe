// `rlprune status`: GetSystemStatus of an orchestrator, as a table (or JSON).
import type { ServiceStatus__Output } from '@rlprune/proto';
import { parseCommand } from '../args/parse';
import { orchestratorAt } from '../orchestrator';
import { STATUS } from '../specs/services';
import { formatTable } from '../table';

/** Where `rlprune status` looks when no --address is given. */
const DEFAULT_ADDRESS = '127.0.0.1:50051';

export function fetchStatus(address: string): Promise<ServiceStatus__Output[]> {
  return orchestratorAt(address).systemStatus();
}

export function statusTable(services: ServiceStatus__Output[]): string {
  return formatTable(
    ['service', 'address', 'status', 'version', 'latency'],
    services.map((s) => [s.name, s.address, s.status, s.version, `${s.latencyMs.toFixed(1)} ms`]),
  );
}

export async function statusCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(STATUS, argv);
  const services = await fetchStatus(values.address ?? process.env.ORCHESTRATOR_ADDRESS ?? DEFAULT_ADDRESS);
  console.log(values.json ? JSON.stringify(services, null, 2) : statusTable(services));
  return services.every((s) => s.status === 'SERVING') ? 0 : 1;
}
