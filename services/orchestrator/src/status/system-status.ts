// GetSystemStatus: the orchestrator itself, then every configured service's grpc.health.v1 status,
// version and health-check latency, checked in parallel.
import { checkHealth } from '@rlprune/service-kit';
import type { ServiceStatus } from '@rlprune/proto';
import type { ServiceTarget } from '../config';

export async function systemStatus(
  self: { address: string; version: string },
  targets: ServiceTarget[],
  deadlineMs = 2_000,
): Promise<ServiceStatus[]> {
  const others = await Promise.all(
    targets.map(async (t) => {
      const h = await checkHealth(t.address, deadlineMs);
      return { name: t.name, address: t.address, status: h.status, version: h.version, latencyMs: h.latencyMs, error: h.error };
    }),
  );
  return [{ name: 'orchestrator', address: self.address, status: 'SERVING', version: self.version, latencyMs: 0, error: '' }, ...others];
}
