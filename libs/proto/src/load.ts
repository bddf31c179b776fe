// Loads every rlprune proto once per process; services and clients share the same definitions.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { LOAD_OPTIONS, PROTO_FILES } from './load-options';
import { typedPackageTree } from './wire-adapter';
import type { ProtoGrpcType as AttackerProto } from './generated/attacker';
import type { ProtoGrpcType as CertifierProto } from './generated/certifier';
import type { ProtoGrpcType as OrchestratorProto } from './generated/orchestrator';
import type { ProtoGrpcType as PrunerProto } from './generated/pruner';
import type { ProtoGrpcType as SimulatorProto } from './generated/simulator';
import type { ProtoGrpcType as TrainerProto } from './generated/trainer';

/** The loaded package tree, typed by the generated definitions. */
export type RlpruneProto = AttackerProto & CertifierProto & OrchestratorProto & PrunerProto & SimulatorProto & TrainerProto;

let cached: { definition: protoLoader.PackageDefinition; tree: RlpruneProto } | undefined;

function load(): { definition: protoLoader.PackageDefinition; tree: RlpruneProto } {
  if (!cached) {
    const definition = protoLoader.loadSync(PROTO_FILES, { ...LOAD_OPTIONS, includeDirs: [...LOAD_OPTIONS.includeDirs] });
    cached = { definition, tree: typedPackageTree<RlpruneProto>(grpc.loadPackageDefinition(definition)) };
  }
  return cached;
}

/** Typed constructors and service definitions of every rlprune package. */
export function protos(): RlpruneProto {
  return load().tree;
}

/** The raw package definition (for server reflection). */
export function packageDefinition(): protoLoader.PackageDefinition {
  return load().definition;
}
