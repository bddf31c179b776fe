// Calls grpc.health.v1 Check and Info.GetInfo of a service, for GetSystemStatus, `rlprune up` and
// tests. Never throws: an unreachable service is a status, not an error.
import type * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import type { HealthCheckRequest } from 'grpc-health-check/build/src/generated/grpc/health/v1/HealthCheckRequest';
import type { HealthCheckResponse__Output } from 'grpc-health-check/build/src/generated/grpc/health/v1/HealthCheckResponse';
import { protos, typedClientConstructor } from '@rlprune/proto';
import { getClient, unary } from './client';

export interface HealthResult {
  /** SERVING, NOT_SERVING, UNKNOWN, SERVICE_UNKNOWN or UNREACHABLE. */
  status: string;
  /** Round trip of the health check. */
  latencyMs: number;
  /** Version from Info.GetInfo, when reachable. */
  version: string;
  /** Why it is unreachable. */
  error: string;
}

/** grpc.health.v1's Check, as a generated client would type it (the package ships no client type). */
interface HealthCheckClient extends grpc.Client {
  check(argument: HealthCheckRequest, options: grpc.CallOptions, callback: grpc.requestCallback<HealthCheckResponse__Output>): grpc.ClientUnaryCall;
  check(argument: HealthCheckRequest, callback: grpc.requestCallback<HealthCheckResponse__Output>): grpc.ClientUnaryCall;
}

const HealthClient = typedClientConstructor<HealthCheckClient>(healthService, 'grpc.health.v1.Health');

export async function checkHealth(address: string, deadlineMs = 2_000, service = ''): Promise<HealthResult> {
  const start = performance.now();
  try {
    const health = getClient(HealthClient, address);
    const res = await unary(health.check.bind(health), { service }, deadlineMs);
    const latencyMs = performance.now() - start;
    let version = '';
    try {
      const info = getClient(protos().rlprune.common.v1.Info, address);
      const res = await unary(info.getInfo.bind(info), {}, deadlineMs);
      version = res.version;
    } catch {
      // a service without Info still has a health status
    }
    return { status: String(res.status), latencyMs, version, error: '' };
  } catch (err) {
    const e = err as grpc.ServiceError;
    return {
      status: 'UNREACHABLE',
      latencyMs: performance.now() - start,
      version: '',
      error: e.details || e.message,
    };
  }
}
