import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AttackDescription as _rlprune_attacker_v1_AttackDescription, AttackDescription__Output as _rlprune_attacker_v1_AttackDescription__Output } from './rlprune/attacker/v1/AttackDescription';
import type { AttackParameter as _rlprune_attacker_v1_AttackParameter, AttackParameter__Output as _rlprune_attacker_v1_AttackParameter__Output } from './rlprune/attacker/v1/AttackParameter';
import type { AttackerClient as _rlprune_attacker_v1_AttackerClient, AttackerDefinition as _rlprune_attacker_v1_AttackerDefinition } from './rlprune/attacker/v1/Attacker';
import type { DescribeRequest as _rlprune_attacker_v1_DescribeRequest, DescribeRequest__Output as _rlprune_attacker_v1_DescribeRequest__Output } from './rlprune/attacker/v1/DescribeRequest';
import type { ObservationBatch as _rlprune_attacker_v1_ObservationBatch, ObservationBatch__Output as _rlprune_attacker_v1_ObservationBatch__Output } from './rlprune/attacker/v1/ObservationBatch';
import type { PerturbHeader as _rlprune_attacker_v1_PerturbHeader, PerturbHeader__Output as _rlprune_attacker_v1_PerturbHeader__Output } from './rlprune/attacker/v1/PerturbHeader';
import type { PerturbRequest as _rlprune_attacker_v1_PerturbRequest, PerturbRequest__Output as _rlprune_attacker_v1_PerturbRequest__Output } from './rlprune/attacker/v1/PerturbRequest';
import type { PerturbResponse as _rlprune_attacker_v1_PerturbResponse, PerturbResponse__Output as _rlprune_attacker_v1_PerturbResponse__Output } from './rlprune/attacker/v1/PerturbResponse';
import type { PrepareEvent as _rlprune_attacker_v1_PrepareEvent, PrepareEvent__Output as _rlprune_attacker_v1_PrepareEvent__Output } from './rlprune/attacker/v1/PrepareEvent';
import type { PrepareRequest as _rlprune_attacker_v1_PrepareRequest, PrepareRequest__Output as _rlprune_attacker_v1_PrepareRequest__Output } from './rlprune/attacker/v1/PrepareRequest';
import type { ArtifactRef as _rlprune_common_v1_ArtifactRef, ArtifactRef__Output as _rlprune_common_v1_ArtifactRef__Output } from './rlprune/common/v1/ArtifactRef';
import type { EnvSpec as _rlprune_common_v1_EnvSpec, EnvSpec__Output as _rlprune_common_v1_EnvSpec__Output } from './rlprune/common/v1/EnvSpec';
import type { GetInfoRequest as _rlprune_common_v1_GetInfoRequest, GetInfoRequest__Output as _rlprune_common_v1_GetInfoRequest__Output } from './rlprune/common/v1/GetInfoRequest';
import type { InfoClient as _rlprune_common_v1_InfoClient, InfoDefinition as _rlprune_common_v1_InfoDefinition } from './rlprune/common/v1/Info';
import type { LayerSparsity as _rlprune_common_v1_LayerSparsity, LayerSparsity__Output as _rlprune_common_v1_LayerSparsity__Output } from './rlprune/common/v1/LayerSparsity';
import type { Progress as _rlprune_common_v1_Progress, Progress__Output as _rlprune_common_v1_Progress__Output } from './rlprune/common/v1/Progress';
import type { PruningSchedule as _rlprune_common_v1_PruningSchedule, PruningSchedule__Output as _rlprune_common_v1_PruningSchedule__Output } from './rlprune/common/v1/PruningSchedule';
import type { ServiceInfo as _rlprune_common_v1_ServiceInfo, ServiceInfo__Output as _rlprune_common_v1_ServiceInfo__Output } from './rlprune/common/v1/ServiceInfo';
import type { Tensor as _rlprune_common_v1_Tensor, Tensor__Output as _rlprune_common_v1_Tensor__Output } from './rlprune/common/v1/Tensor';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  rlprune: {
    attacker: {
      v1: {
        AttackDescription: MessageTypeDefinition<_rlprune_attacker_v1_AttackDescription, _rlprune_attacker_v1_AttackDescription__Output>
        AttackParameter: MessageTypeDefinition<_rlprune_attacker_v1_AttackParameter, _rlprune_attacker_v1_AttackParameter__Output>
        Attacker: SubtypeConstructor<typeof grpc.Client, _rlprune_attacker_v1_AttackerClient> & { service: _rlprune_attacker_v1_AttackerDefinition }
        DescribeRequest: MessageTypeDefinition<_rlprune_attacker_v1_DescribeRequest, _rlprune_attacker_v1_DescribeRequest__Output>
        ObservationBatch: MessageTypeDefinition<_rlprune_attacker_v1_ObservationBatch, _rlprune_attacker_v1_ObservationBatch__Output>
        PerturbHeader: MessageTypeDefinition<_rlprune_attacker_v1_PerturbHeader, _rlprune_attacker_v1_PerturbHeader__Output>
        PerturbRequest: MessageTypeDefinition<_rlprune_attacker_v1_PerturbRequest, _rlprune_attacker_v1_PerturbRequest__Output>
        PerturbResponse: MessageTypeDefinition<_rlprune_attacker_v1_PerturbResponse, _rlprune_attacker_v1_PerturbResponse__Output>
        PrepareEvent: MessageTypeDefinition<_rlprune_attacker_v1_PrepareEvent, _rlprune_attacker_v1_PrepareEvent__Output>
        PrepareRequest: MessageTypeDefinition<_rlprune_attacker_v1_PrepareRequest, _rlprune_attacker_v1_PrepareRequest__Output>
      }
    }
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
  }
}

