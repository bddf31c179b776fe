import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CertifierClient as _rlprune_certifier_v1_CertifierClient, CertifierDefinition as _rlprune_certifier_v1_CertifierDefinition } from './rlprune/certifier/v1/Certifier';
import type { CertifyRequest as _rlprune_certifier_v1_CertifyRequest, CertifyRequest__Output as _rlprune_certifier_v1_CertifyRequest__Output } from './rlprune/certifier/v1/CertifyRequest';
import type { CertifyResponse as _rlprune_certifier_v1_CertifyResponse, CertifyResponse__Output as _rlprune_certifier_v1_CertifyResponse__Output } from './rlprune/certifier/v1/CertifyResponse';
import type { GlobalBounds as _rlprune_certifier_v1_GlobalBounds, GlobalBounds__Output as _rlprune_certifier_v1_GlobalBounds__Output } from './rlprune/certifier/v1/GlobalBounds';
import type { LayerNorms as _rlprune_certifier_v1_LayerNorms, LayerNorms__Output as _rlprune_certifier_v1_LayerNorms__Output } from './rlprune/certifier/v1/LayerNorms';
import type { ParameterPath as _rlprune_certifier_v1_ParameterPath, ParameterPath__Output as _rlprune_certifier_v1_ParameterPath__Output } from './rlprune/certifier/v1/ParameterPath';
import type { PerStateStats as _rlprune_certifier_v1_PerStateStats, PerStateStats__Output as _rlprune_certifier_v1_PerStateStats__Output } from './rlprune/certifier/v1/PerStateStats';
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
    certifier: {
      v1: {
        Certifier: SubtypeConstructor<typeof grpc.Client, _rlprune_certifier_v1_CertifierClient> & { service: _rlprune_certifier_v1_CertifierDefinition }
        CertifyRequest: MessageTypeDefinition<_rlprune_certifier_v1_CertifyRequest, _rlprune_certifier_v1_CertifyRequest__Output>
        CertifyResponse: MessageTypeDefinition<_rlprune_certifier_v1_CertifyResponse, _rlprune_certifier_v1_CertifyResponse__Output>
        GlobalBounds: MessageTypeDefinition<_rlprune_certifier_v1_GlobalBounds, _rlprune_certifier_v1_GlobalBounds__Output>
        LayerNorms: MessageTypeDefinition<_rlprune_certifier_v1_LayerNorms, _rlprune_certifier_v1_LayerNorms__Output>
        ParameterPath: MessageTypeDefinition<_rlprune_certifier_v1_ParameterPath, _rlprune_certifier_v1_ParameterPath__Output>
        PerStateStats: MessageTypeDefinition<_rlprune_certifier_v1_PerStateStats, _rlprune_certifier_v1_PerStateStats__Output>
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

