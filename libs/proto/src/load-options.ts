// The one set of proto-loader options: the runtime loader and the type generator must agree, or the
// generated types describe objects the loader never produces.
import path from 'node:path';

/** Root of the .proto tree (the repository's proto/ folder). */
export const PROTO_ROOT = path.resolve(__dirname, '../../../proto');

export const LOAD_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
} as const;

/** The same options as command-line flags of proto-loader-gen-types. */
export const GEN_TYPES_FLAGS = ['--longs=Number', '--enums=String', '--defaults', '--oneofs', '--grpcLib=@grpc/grpc-js'];

/** Every service's proto file, relative to PROTO_ROOT. */
export const PROTO_FILES = [
  'rlprune/common/v1/common.proto',
  'rlprune/orchestrator/v1/orchestrator.proto',
  'rlprune/simulator/v1/simulator.proto',
  'rlprune/trainer/v1/trainer.proto',
  'rlprune/pruner/v1/pruner.proto',
  'rlprune/attacker/v1/attacker.proto',
  'rlprune/certifier/v1/certifier.proto',
];
