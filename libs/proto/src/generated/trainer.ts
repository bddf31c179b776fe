import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from './rlprune/common/v1/ArtifactRef';
import type { EnvSpec as _rlprune_common_v1_EnvSpec, EnvSpec__Output as _rlprune_common_v1_EnvSpec__Output } from './rlprune/common/v1/EnvSpec';
import type { GetInfoRequest as _rlprune_common_v1_GetInfoRequest, GetInfoRequest__Output as _rlprune_common_v1_GetInfoRequest__Output } from './rlprune/common/v1/GetInfoRequest';
import type { InfoClient as _rlprune_common_v1_InfoClient, InfoDefinition as _rlprune_common_v1_InfoDefinition } from './rlprune/common/v1/Info';
import type { LayerSparsity as _rlprune_common_v1_LayerSparsity, LayerSparsity__Output as _rlprune_common_v1_LayerSparsity__Output } from './rlprune/common/v1/LayerSparsity';
import type { Progress as _rlprune_common_v1_Progress, Progress__Output as _rlprune_common_v1_Progress__Output } from './rlprune/common/v1/Progress';
import type { PruningSchedule as _rlprune_common_v1_PruningSchedule, PruningSchedule__Output as _rlprune_common_v1_PruningSchedule__Output } from './rlprune/common/v1/PruningSchedule';
import type { ServiceInfo as _rlprune_common_v1_ServiceInfo, ServiceInfo__Output as _rlprune_common_v1_ServiceInfo__Output } from './rlprune/common/v1/ServiceInfo';
import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from './rlprune/common/v1/Tensor';
import type { MaskUpdate as _rlprune_trainer_v1_MaskUpdate, MaskUpdate__Output as _rlprune_trainer_v1_MaskUpdate__Output } from './rlprune/trainer/v1/MaskUpdate';
import type { PpoConfig as _rlprune_trainer_v1_PpoConfig, PpoConfig__Output as _rlprune_trainer_v1_PpoConfig__Output } from './rlprune/trainer/v1/PpoConfig';
import type { SaConfig as _rlprune_trainer_v1_SaConfig, SaConfig__Output as _rlprune_trainer_v1_SaConfig__Output } from './rlprune/trainer/v1/SaConfig';
import type { TrainEvent as _rlprune_trainer_v1_TrainEvent, TrainEvent__Output as _rlprune_trainer_v1_TrainEvent__Output } from './rlprune/trainer/v1/TrainEvent';
import type { TrainProgress as _rlprune_trainer_v1_TrainProgress, TrainProgress__Output as _rlprune_trainer_v1_TrainProgress__Output } from './rlprune/trainer/v1/TrainProgress';
import type { TrainRequest as _rlprune_trainer_v1_TrainRequest, TrainRequest__Output as _rlprune_trainer_v1_TrainRequest__Output } from './rlprune/trainer/v1/TrainRequest';
import type { TrainResult as _rlprune_trainer_v1_TrainResult, TrainResult__Output as _rlprune_trainer_v1_TrainResult__Output } from './rlprune/trainer/v1/TrainResult';
import type { TrainerClient as _rlprune_trainer_v1_TrainerClient, TrainerDefinition as _rlprune_trainer_v1_TrainerDefinition } from './rlprune/trainer/v1/Trainer';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  rlprune: {
    common: {
      v1: {
        ArtifactRef: MessageTypeDefinition<_rlprune_common_v1_ArtifactRef, _rlprune_common_v1_ArtifactRef__Output>
        EnvSpec: MessageTypeDefinition<_rlprune_common_v1_EnvSpec, _rlprune_common_v1_EnvSpec__Output>
        GetInfoRequest: MessageTypeDefinition<_rlprune_common_v1_GetInfoRequest, _rlprune_common_v1_GetInfoRequest__Output>
        Info: SubtypeConstructor<typeof grpc.Client, _rlprune_common_v1_InfoClient> & { service: _rlprune_common_v1_InfoDefinition }
        LayerSparsity: MessageTypeDefinition<_rlprune_common_v1_LayerSparsity, _rlprune_common_v1_LayerSparsity__Output>
        Progress: MessageTypeDefinition<_rlprune_common_v1_Progress, _rlprune_common_v1_Progress__Output>
        PruningSchedule: MessageTypeDefinition<_rlprune_common_v1_PruningSchedule, _rlprune_common_v1_PruningSchedule__Output>
        ServiceInfo: MessageTypeDefinition<_rlprune_common_v1_ServiceInfo, _rlprune_common_v1_ServiceInfo__Output>
        Tensor: MessageTypeDefinition<_rlprune_common_v1_Tensor, _rlprune_common_v1_Tensor__Output>
      }
    }
    trainer: {
      v1: {
        MaskUpdate: MessageTypeDefinition<_rlprune_trainer_v1_MaskUpdate, _rlprune_trainer_v1_MaskUpdate__Output>
        PpoConfig: MessageTypeDefinition<_rlprune_trainer_v1_PpoConfig, _rlprune_trainer_v1_PpoConfig__Output>
        SaConfig: MessageTypeDefinition<_rlprune_trainer_v1_SaConfig, _rlprune_trainer_v1_SaConfig__Output>
        TrainEvent: MessageTypeDefinition<_rlprune_trainer_v1_TrainEvent, _rlprune_trainer_v1_TrainEvent__Output>
        TrainProgress: MessageTypeDefinition<_rlprune_trainer_v1_TrainProgress, _rlprune_trainer_v1_TrainProgress__Output>
        TrainRequest: MessageTypeDefinition<_rlprune_trainer_v1_TrainRequest, _rlprune_trainer_v1_TrainRequest__Output>
        TrainResult: MessageTypeDefinition<_rlprune_trainer_v1_TrainResult, _rlprune_trainer_v1_TrainResult__Output>
        Trainer: SubtypeConstructor<typeof grpc.Client, _rlprune_trainer_v1_TrainerClient> & { service: _rlprune_trainer_v1_TrainerDefinition }
      }
    }
  }
}

