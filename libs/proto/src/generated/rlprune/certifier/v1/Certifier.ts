// Original file: proto/rlprune/certifier/v1/certifier.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CertifyRequest as _rlprune_certifier_v1_CertifyRequest, CertifyRequest__Output as _rlprune_certifier_v1_CertifyRequest__Output } from '../../../rlprune/certifier/v1/CertifyRequest';
import type { CertifyResponse as _rlprune_certifier_v1_CertifyResponse, CertifyResponse__Output as _rlprune_certifier_v1_CertifyResponse__Output } from '../../../rlprune/certifier/v1/CertifyResponse';

export interface CertifierClient extends grpc.Client {
  Certify(argument: _rlprune_certifier_v1_CertifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  Certify(argument: _rlprune_certifier_v1_CertifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  Certify(argument: _rlprune_certifier_v1_CertifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  Certify(argument: _rlprune_certifier_v1_CertifyRequest, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  certify(argument: _rlprune_certifier_v1_CertifyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  certify(argument: _rlprune_certifier_v1_CertifyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  certify(argument: _rlprune_certifier_v1_CertifyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  certify(argument: _rlprune_certifier_v1_CertifyRequest, callback: grpc.requestCallback<_rlprune_certifier_v1_CertifyResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface CertifierHandlers extends grpc.UntypedServiceImplementation {
  Certify: grpc.handleUnaryCall<_rlprune_certifier_v1_CertifyRequest__Output, _rlprune_certifier_v1_CertifyResponse>;
  
}

export interface CertifierDefinition extends grpc.ServiceDefinition {
  Certify: MethodDefinition<_rlprune_certifier_v1_CertifyRequest, _rlprune_certifier_v1_CertifyResponse, _rlprune_certifier_v1_CertifyRequest__Output, _rlprune_certifier_v1_CertifyResponse__Output>
}
