// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ArtifactChunk as _rlprune_orchestrator_v1_ArtifactChunk, ArtifactChunk__Output as _rlprune_orchestrator_v1_ArtifactChunk__Output } from '../../../rlprune/orchestrator/v1/ArtifactChunk';
import type { ArtifactInfo as _rlprune_orchestrator_v1_ArtifactInfo, ArtifactInfo__Output as _rlprune_orchestrator_v1_ArtifactInfo__Output } from '../../../rlprune/orchestrator/v1/ArtifactInfo';
import type { GetArtifactRequest as _rlprune_orchestrator_v1_GetArtifactRequest, GetArtifactRequest__Output as _rlprune_orchestrator_v1_GetArtifactRequest__Output } from '../../../rlprune/orchestrator/v1/GetArtifactRequest';
import type { PutArtifactChunk as _rlprune_orchestrator_v1_PutArtifactChunk, PutArtifactChunk__Output as _rlprune_orchestrator_v1_PutArtifactChunk__Output } from '../../../rlprune/orchestrator/v1/PutArtifactChunk';

export interface ArtifactStoreClient extends grpc.Client {
  Get(argument: _rlprune_orchestrator_v1_GetArtifactRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ArtifactChunk__Output>;
  Get(argument: _rlprune_orchestrator_v1_GetArtifactRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ArtifactChunk__Output>;
  get(argument: _rlprune_orchestrator_v1_GetArtifactRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ArtifactChunk__Output>;
  get(argument: _rlprune_orchestrator_v1_GetArtifactRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ArtifactChunk__Output>;
  
  Put(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  Put(metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  Put(options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  Put(callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  put(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  put(metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  put(options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  put(callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientWritableStream<_rlprune_orchestrator_v1_PutArtifactChunk>;
  
  Stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  Stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  Stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  Stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  stat(argument: _rlprune_orchestrator_v1_GetArtifactRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ArtifactInfo__Output>): grpc.ClientUnaryCall;
  
}

export interface ArtifactStoreHandlers extends grpc.UntypedServiceImplementation {
  Get: grpc.handleServerStreamingCall<_rlprune_orchestrator_v1_GetArtifactRequest__Output, _rlprune_orchestrator_v1_ArtifactChunk>;
  
  Put: grpc.handleClientStreamingCall<_rlprune_orchestrator_v1_PutArtifactChunk__Output, _rlprune_orchestrator_v1_ArtifactInfo>;
  
  Stat: grpc.handleUnaryCall<_rlprune_orchestrator_v1_GetArtifactRequest__Output, _rlprune_orchestrator_v1_ArtifactInfo>;
  
}

export interface ArtifactStoreDefinition extends grpc.ServiceDefinition {
  Get: MethodDefinition<_rlprune_orchestrator_v1_GetArtifactRequest, _rlprune_orchestrator_v1_ArtifactChunk, _rlprune_orchestrator_v1_GetArtifactRequest__Output, _rlprune_orchestrator_v1_ArtifactChunk__Output>
  Put: MethodDefinition<_rlprune_orchestrator_v1_PutArtifactChunk, _rlprune_orchestrator_v1_ArtifactInfo, _rlprune_orchestrator_v1_PutArtifactChunk__Output, _rlprune_orchestrator_v1_ArtifactInfo__Output>
  Stat: MethodDefinition<_rlprune_orchestrator_v1_GetArtifactRequest, _rlprune_orchestrator_v1_ArtifactInfo, _rlprune_orchestrator_v1_GetArtifactRequest__Output, _rlprune_orchestrator_v1_ArtifactInfo__Output>
}
