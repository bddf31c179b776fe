// Original file: proto/rlprune/trainer/v1/trainer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { TrainEvent as _rlprune_trainer_v1_TrainEvent, TrainEvent__Output as _rlprune_trainer_v1_TrainEvent__Output } from '../../../rlprune/trainer/v1/TrainEvent';
import type { TrainRequest as _rlprune_trainer_v1_TrainRequest, TrainRequest__Output as _rlprune_trainer_v1_TrainRequest__Output } from '../../../rlprune/trainer/v1/TrainRequest';

export interface TrainerClient extends grpc.Client {
  Train(argument: _rlprune_trainer_v1_TrainRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_trainer_v1_TrainEvent__Output>;
  Train(argument: _rlprune_trainer_v1_TrainRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_trainer_v1_TrainEvent__Output>;
  train(argument: _rlprune_trainer_v1_TrainRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_trainer_v1_TrainEvent__Output>;
  train(argument: _rlprune_trainer_v1_TrainRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_trainer_v1_TrainEvent__Output>;
  
}

export interface TrainerHandlers extends grpc.UntypedServiceImplementation {
  Train: grpc.handleServerStreamingCall<_rlprune_trainer_v1_TrainRequest__Output, _rlprune_trainer_v1_TrainEvent>;
  
}

export interface TrainerDefinition extends grpc.ServiceDefinition {
  Train: MethodDefinition<_rlprune_trainer_v1_TrainRequest, _rlprune_trainer_v1_TrainEvent, _rlprune_trainer_v1_TrainRequest__Output, _rlprune_trainer_v1_TrainEvent__Output>
}
