// `rlprune status`: GetSystemStatus of an orchestrator, as a table (or JSON).
import { protos } from '@rlprune/proto';
import { getClient, unary } from '@rlprune/service-kit';
import type { ServiceStatus__Output } from '@rlprune/proto/src/generated/rlprune/orchestrator/v1/ServiceStatus';
import { parseCommand } from '../args/parse';
import { plainUnreachable } from '../errors';
import { STATUS } from '../specs/services';
import { formatTable } from '../table';

/** Where `rlprune status` looks when no --address is given. */
const DEFAULT_ADDRESS = '127.0.0.1:50051';

export async function fetchStatus(address: string): Promise<ServiceStatus__Output[]> {
  const client = getClient(protos().rlprune.orchestrator.v1.Orchestrator, address);
  try {
    const res = await unary<object, { services: ServiceStatus__Output[] }>(client.getSystemStatus.bind(client) as never, {}, 10_000);
    return res.services;
  } catch (err) {
    throw plainUnreachable(err, address);
  }
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
