// The CLI's orchestrator: @rlprune/clients' OrchestratorClient whose failed calls that find nothing
// at the address (gRPC UNAVAILABLE) say so in one plain line naming it and how to start one
// (errors.ts) instead of grpc-js's "No connection established". watch's own reconnects after a
// restart still see the raw status (the client does not explain inside watch).
import { OrchestratorClient } from '@rlprune/clients';
import { plainUnreachable } from './errors';

export type Orchestrator = OrchestratorClient;

export function orchestratorAt(address: string): Orchestrator {
  return new OrchestratorClient(address, { explainError: plainUnreachable });
}
