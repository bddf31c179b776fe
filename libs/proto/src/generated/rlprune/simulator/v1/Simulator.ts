// Original file: proto/rlprune/simulator/v1/simulator.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { EvaluateEvent as _rlprune_simulator_v1_EvaluateEvent, EvaluateEvent__Output as _rlprune_simulator_v1_EvaluateEvent__Output } from '../../../rlprune/simulator/v1/EvaluateEvent';
import type { EvaluateRequest as _rlprune_simulator_v1_EvaluateRequest, EvaluateRequest__Output as _rlprune_simulator_v1_EvaluateRequest__Output } from '../../../rlprune/simulator/v1/EvaluateRequest';
import type { ListEnvsRequest as _rlprune_simulator_v1_ListEnvsRequest, ListEnvsRequest__Output as _rlprune_simulator_v1_ListEnvsRequest__Output } from '../../../rlprune/simulator/v1/ListEnvsRequest';
import type { ListEnvsResponse as _rlprune_simulator_v1_ListEnvsResponse, ListEnvsResponse__Output as _rlprune_simulator_v1_ListEnvsResponse__Output } from '../../../rlprune/simulator/v1/ListEnvsResponse';
import type { SessionRequest as _rlprune_simulator_v1_SessionRequest, SessionRequest__Output as _rlprune_simulator_v1_SessionRequest__Output } from '../../../rlprune/simulator/v1/SessionRequest';
import type { SessionResponse as _rlprune_simulator_v1_SessionResponse, SessionResponse__Output as _rlprune_simulator_v1_SessionResponse__Output } from '../../../rlprune/simulator/v1/SessionResponse';

export interface SimulatorClient extends grpc.Client {
  Evaluate(argument: _rlprune_simulator_v1_EvaluateRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_simulator_v1_EvaluateEvent__Output>;
  Evaluate(argument: _rlprune_simulator_v1_EvaluateRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_simulator_v1_EvaluateEvent__Output>;
  evaluate(argument: _rlprune_simulator_v1_EvaluateRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_simulator_v1_EvaluateEvent__Output>;
  evaluate(argument: _rlprune_simulator_v1_EvaluateRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_simulator_v1_EvaluateEvent__Output>;
  
  ListEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  ListEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  ListEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  ListEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  listEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  listEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  listEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  listEnvs(argument: _rlprune_simulator_v1_ListEnvsRequest, callback: grpc.requestCallback<_rlprune_simulator_v1_ListEnvsResponse__Output>): grpc.ClientUnaryCall;
  
  Session(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_simulator_v1_SessionRequest, _rlprune_simulator_v1_SessionResponse__Output>;
  Session(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_simulator_v1_SessionRequest, _rlprune_simulator_v1_SessionResponse__Output>;
  session(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_simulator_v1_SessionRequest, _rlprune_simulator_v1_SessionResponse__Output>;
  session(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rlprune_simulator_v1_SessionRequest, _rlprune_simulator_v1_SessionResponse__Output>;
  
}

export interface SimulatorHandlers extends grpc.UntypedServiceImplementation {
  Evaluate: grpc.handleServerStreamingCall<_rlprune_simulator_v1_EvaluateRequest__Output, _rlprune_simulator_v1_EvaluateEvent>;
  
  ListEnvs: grpc.handleUnaryCall<_rlprune_simulator_v1_ListEnvsRequest__Output, _rlprune_simulator_v1_ListEnvsResponse>;
  
  Session: grpc.handleBidiStreamingCall<_rlprune_simulator_v1_SessionRequest__Output, _rlprune_simulator_v1_SessionResponse>;
  
}

export interface SimulatorDefinition extends grpc.ServiceDefinition {
  Evaluate: MethodDefinition<_rlprune_simulator_v1_EvaluateRequest, _rlprune_simulator_v1_EvaluateEvent, _rlprune_simulator_v1_EvaluateRequest__Output, _rlprune_simulator_v1_EvaluateEvent__Output>
  ListEnvs: MethodDefinition<_rlprune_simulator_v1_ListEnvsRequest, _rlprune_simulator_v1_ListEnvsResponse, _rlprune_simulator_v1_ListEnvsRequest__Output, _rlprune_simulator_v1_ListEnvsResponse__Output>
  Session: MethodDefinition<_rlprune_simulator_v1_SessionRequest, _rlprune_simulator_v1_SessionResponse, _rlprune_simulator_v1_SessionRequest__Output, _rlprune_simulator_v1_SessionResponse__Output>
}
