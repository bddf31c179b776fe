// Original file: proto/rlprune/common/v1/common.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetInfoRequest as _rlprune_common_v1_GetInfoRequest, GetInfoRequest__Output as _rlprune_common_v1_GetInfoRequest__Output } from '../../../rlprune/common/v1/GetInfoRequest';
import type { ServiceInfo as _rlprune_common_v1_ServiceInfo, ServiceInfo__Output as _rlprune_common_v1_ServiceInfo__Output } from '../../../rlprune/common/v1/ServiceInfo';

export interface InfoClient extends grpc.Client {
  GetInfo(argument: _rlprune_common_v1_GetInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  GetInfo(argument: _rlprune_common_v1_GetInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  GetInfo(argument: _rlprune_common_v1_GetInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  GetInfo(argument: _rlprune_common_v1_GetInfoRequest, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  getInfo(argument: _rlprune_common_v1_GetInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  getInfo(argument: _rlprune_common_v1_GetInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  getInfo(argument: _rlprune_common_v1_GetInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  getInfo(argument: _rlprune_common_v1_GetInfoRequest, callback: grpc.requestCallback<_rlprune_common_v1_ServiceInfo__Output>): grpc.ClientUnaryCall;
  
}

export interface InfoHandlers extends grpc.UntypedServiceImplementation {
  GetInfo: grpc.handleUnaryCall<_rlprune_common_v1_GetInfoRequest__Output, _rlprune_common_v1_ServiceInfo>;
  
}

export interface InfoDefinition extends grpc.ServiceDefinition {
  GetInfo: MethodDefinition<_rlprune_common_v1_GetInfoRequest, _rlprune_common_v1_ServiceInfo, _rlprune_common_v1_GetInfoRequest__Output, _rlprune_common_v1_ServiceInfo__Output>
}
