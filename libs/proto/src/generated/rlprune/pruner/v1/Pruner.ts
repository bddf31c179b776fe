// Original file: proto/rlprune/pruner/v1/pruner.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { PreviewScheduleRequest as _rlprune_pruner_v1_PreviewScheduleRequest, PreviewScheduleRequest__Output as _rlprune_pruner_v1_PreviewScheduleRequest__Output } from '../../../rlprune/pruner/v1/PreviewScheduleRequest';
import type { PreviewScheduleResponse as _rlprune_pruner_v1_PreviewScheduleResponse, PreviewScheduleResponse__Output as _rlprune_pruner_v1_PreviewScheduleResponse__Output } from '../../../rlprune/pruner/v1/PreviewScheduleResponse';
import type { PruneRequest as _rlprune_pruner_v1_PruneRequest, PruneRequest__Output as _rlprune_pruner_v1_PruneRequest__Output } from '../../../rlprune/pruner/v1/PruneRequest';
import type { PruneResponse as _rlprune_pruner_v1_PruneResponse, PruneResponse__Output as _rlprune_pruner_v1_PruneResponse__Output } from '../../../rlprune/pruner/v1/PruneResponse';

export interface PrunerClient extends grpc.Client {
  PreviewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  PreviewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  PreviewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  PreviewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  previewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  previewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  previewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  previewSchedule(argument: _rlprune_pruner_v1_PreviewScheduleRequest, callback: grpc.requestCallback<_rlprune_pruner_v1_PreviewScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  Prune(argument: _rlprune_pruner_v1_PruneRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  Prune(argument: _rlprune_pruner_v1_PruneRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  Prune(argument: _rlprune_pruner_v1_PruneRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  Prune(argument: _rlprune_pruner_v1_PruneRequest, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  prune(argument: _rlprune_pruner_v1_PruneRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  prune(argument: _rlprune_pruner_v1_PruneRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  prune(argument: _rlprune_pruner_v1_PruneRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  prune(argument: _rlprune_pruner_v1_PruneRequest, callback: grpc.requestCallback<_rlprune_pruner_v1_PruneResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PrunerHandlers extends grpc.UntypedServiceImplementation {
  PreviewSchedule: grpc.handleUnaryCall<_rlprune_pruner_v1_PreviewScheduleRequest__Output, _rlprune_pruner_v1_PreviewScheduleResponse>;
  
  Prune: grpc.handleUnaryCall<_rlprune_pruner_v1_PruneRequest__Output, _rlprune_pruner_v1_PruneResponse>;
  
}

export interface PrunerDefinition extends grpc.ServiceDefinition {
  PreviewSchedule: MethodDefinition<_rlprune_pruner_v1_PreviewScheduleRequest, _rlprune_pruner_v1_PreviewScheduleResponse, _rlprune_pruner_v1_PreviewScheduleRequest__Output, _rlprune_pruner_v1_PreviewScheduleResponse__Output>
  Prune: MethodDefinition<_rlprune_pruner_v1_PruneRequest, _rlprune_pruner_v1_PruneResponse, _rlprune_pruner_v1_PruneRequest__Output, _rlprune_pruner_v1_PruneResponse__Output>
}
