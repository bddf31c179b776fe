// Original file: proto/rlprune/attacker/v1/attacker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AttackDescription as _rlprune_attacker_v1_AttackDescription, AttackDescription__Output as _rlprune_attacker_v1_AttackDescription__Output } from '../../../rlprune/attacker/v1/AttackDescription';
import type { DescribeRequest as _rlprune_attacker_v1_DescribeRequest, DescribeRequest__Output as _rlprune_attacker_v1_DescribeRequest__Output } from '../../../rlprune/attacker/v1/DescribeRequest';
import type { PerturbRequest as _rlprune_attacker_v1_PerturbRequest, PerturbRequest__Output as _rlprune_attacker_v1_PerturbRequest__Output } from '../../../rlprune/attacker/v1/PerturbRequest';
import type { PerturbResponse as _rlprune_attacker_v1_PerturbResponse, PerturbResponse__Output as _rlprune_attacker_v1_PerturbResponse__Output } from '../../../rlprune/attacker/v1/PerturbResponse';
import type { PrepareEvent as _rlprune_attacker_v1_PrepareEvent, PrepareEvent__Output as _rlprune_attacker_v1_PrepareEvent__Output } from '../../../rlprune/attacker/v1/PrepareEvent';
import type { PrepareRequest as _rlprune_attacker_v1_PrepareRequest, PrepareRequest__Output as _rlprune_attacker_v1_PrepareRequest__Output } from '../../../rlprune/attacker/v1/PrepareRequest';

export interface AttackerClient extends grpc.Client {
  Describe(argument: _rlprune_attacker_v1_DescribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  Describe(argument: _rlprune_attacker_v1_DescribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  Describe(argument: _rlprune_attacker_v1_DescribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  Describe(argument: _rlprune_attacker_v1_DescribeRequest, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  describe(argument: _rlprune_attacker_v1_DescribeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  describe(argument: _rlprune_attacker_v1_DescribeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  describe(argument: _rlprune_attacker_v1_DescribeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  describe(argument: _rlprune_attacker_v1_DescribeRequest, callback: grpc.requestCallback<_rlprune_attacker_v1_AttackDescription__Output>): grpc.ClientUnaryCall;
  
  Perturb(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_attacker_v1_PerturbRequest, _rlprune_attacker_v1_PerturbResponse__Output>;
  Perturb(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_attacker_v1_PerturbRequest, _rlprune_attacker_v1_PerturbResponse__Output>;
  perturb(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_attacker_v1_PerturbRequest, _rlprune_attacker_v1_PerturbResponse__Output>;
  perturb(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_attacker_v1_PerturbRequest, _rlprune_attacker_v1_PerturbResponse__Output>;
  
  Prepare(argument: _rlprune_attacker_v1_PrepareRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_attacker_v1_PrepareEvent__Output>;
  Prepare(argument: _rlprune_attacker_v1_PrepareRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_attacker_v1_PrepareEvent__Output>;
  prepare(argument: _rlprune_attacker_v1_PrepareRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_attacker_v1_PrepareEvent__Output>;
  prepare(argument: _rlprune_attacker_v1_PrepareRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_attacker_v1_PrepareEvent__Output>;
  
}

export interface AttackerHandlers extends grpc.UntypedServiceImplementation {
  Describe: grpc.handleUnaryCall<_rlprune_attacker_v1_DescribeRequest__Output, _rlprune_attacker_v1_AttackDescription>;
  
  Perturb: grpc.handleBidiStreamingCall<_rlprune_attacker_v1_PerturbRequest__Output, _rlprune_attacker_v1_PerturbResponse>;
  
  Prepare: grpc.handleServerStreamingCall<_rlprune_attacker_v1_PrepareRequest__Output, _rlprune_attacker_v1_PrepareEvent>;
  
}

export interface AttackerDefinition extends grpc.ServiceDefinition {
  Describe: MethodDefinition<_rlprune_attacker_v1_DescribeRequest, _rlprune_attacker_v1_AttackDescription, _rlprune_attacker_v1_DescribeRequest__Output, _rlprune_attacker_v1_AttackDescription__Output>
  Perturb: MethodDefinition<_rlprune_attacker_v1_PerturbRequest, _rlprune_attacker_v1_PerturbResponse, _rlprune_attacker_v1_PerturbRequest__Output, _rlprune_attacker_v1_PerturbResponse__Output>
  Prepare: MethodDefinition<_rlprune_attacker_v1_PrepareRequest, _rlprune_attacker_v1_PrepareEvent, _rlprune_attacker_v1_PrepareRequest__Output, _rlprune_attacker_v1_PrepareEvent__Output>
}
