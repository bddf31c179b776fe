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
import type { ArtifactChunk as _rlprune_orchestrator_v1_ArtifactChunk, ArtifactChunk__Output as _rlprune_orchestrator_v1_ArtifactChunk__Output } from './rlprune/orchestrator/v1/ArtifactChunk';
import type { ArtifactInfo as _rlprune_orchestrator_v1_ArtifactInfo, ArtifactInfo__Output as _rlprune_orchestrator_v1_ArtifactInfo__Output } from './rlprune/orchestrator/v1/ArtifactInfo';
import type { ArtifactMeta as _rlprune_orchestrator_v1_ArtifactMeta, ArtifactMeta__Output as _rlprune_orchestrator_v1_ArtifactMeta__Output } from './rlprune/orchestrator/v1/ArtifactMeta';
import type { ArtifactStoreClient as _rlprune_orchestrator_v1_ArtifactStoreClient, ArtifactStoreDefinition as _rlprune_orchestrator_v1_ArtifactStoreDefinition } from './rlprune/orchestrator/v1/ArtifactStore';
import type { CancelExperimentRequest as _rlprune_orchestrator_v1_CancelExperimentRequest, CancelExperimentRequest__Output as _rlprune_orchestrator_v1_CancelExperimentRequest__Output } from './rlprune/orchestrator/v1/CancelExperimentRequest';
import type { CompareExperimentsRequest as _rlprune_orchestrator_v1_CompareExperimentsRequest, CompareExperimentsRequest__Output as _rlprune_orchestrator_v1_CompareExperimentsRequest__Output } from './rlprune/orchestrator/v1/CompareExperimentsRequest';
import type { Experiment as _rlprune_orchestrator_v1_Experiment, Experiment__Output as _rlprune_orchestrator_v1_Experiment__Output } from './rlprune/orchestrator/v1/Experiment';
import type { ExperimentEvent as _rlprune_orchestrator_v1_ExperimentEvent, ExperimentEvent__Output as _rlprune_orchestrator_v1_ExperimentEvent__Output } from './rlprune/orchestrator/v1/ExperimentEvent';
import type { GetArtifactRequest as _rlprune_orchestrator_v1_GetArtifactRequest, GetArtifactRequest__Output as _rlprune_orchestrator_v1_GetArtifactRequest__Output } from './rlprune/orchestrator/v1/GetArtifactRequest';
import type { GetExperimentRequest as _rlprune_orchestrator_v1_GetExperimentRequest, GetExperimentRequest__Output as _rlprune_orchestrator_v1_GetExperimentRequest__Output } from './rlprune/orchestrator/v1/GetExperimentRequest';
import type { GetReportRequest as _rlprune_orchestrator_v1_GetReportRequest, GetReportRequest__Output as _rlprune_orchestrator_v1_GetReportRequest__Output } from './rlprune/orchestrator/v1/GetReportRequest';
import type { GetSystemStatusRequest as _rlprune_orchestrator_v1_GetSystemStatusRequest, GetSystemStatusRequest__Output as _rlprune_orchestrator_v1_GetSystemStatusRequest__Output } from './rlprune/orchestrator/v1/GetSystemStatusRequest';
import type { ListExperimentsRequest as _rlprune_orchestrator_v1_ListExperimentsRequest, ListExperimentsRequest__Output as _rlprune_orchestrator_v1_ListExperimentsRequest__Output } from './rlprune/orchestrator/v1/ListExperimentsRequest';
import type { ListExperimentsResponse as _rlprune_orchestrator_v1_ListExperimentsResponse, ListExperimentsResponse__Output as _rlprune_orchestrator_v1_ListExperimentsResponse__Output } from './rlprune/orchestrator/v1/ListExperimentsResponse';
import type { OrchestratorClient as _rlprune_orchestrator_v1_OrchestratorClient, OrchestratorDefinition as _rlprune_orchestrator_v1_OrchestratorDefinition } from './rlprune/orchestrator/v1/Orchestrator';
import type { PutArtifactChunk as _rlprune_orchestrator_v1_PutArtifactChunk, PutArtifactChunk__Output as _rlprune_orchestrator_v1_PutArtifactChunk__Output } from './rlprune/orchestrator/v1/PutArtifactChunk';
import type { Report as _rlprune_orchestrator_v1_Report, Report__Output as _rlprune_orchestrator_v1_Report__Output } from './rlprune/orchestrator/v1/Report';
import type { ResumeExperimentRequest as _rlprune_orchestrator_v1_ResumeExperimentRequest, ResumeExperimentRequest__Output as _rlprune_orchestrator_v1_ResumeExperimentRequest__Output } from './rlprune/orchestrator/v1/ResumeExperimentRequest';
import type { ServiceStatus as _rlprune_orchestrator_v1_ServiceStatus, ServiceStatus__Output as _rlprune_orchestrator_v1_ServiceStatus__Output } from './rlprune/orchestrator/v1/ServiceStatus';
import type { StageKindCount as _rlprune_orchestrator_v1_StageKindCount, StageKindCount__Output as _rlprune_orchestrator_v1_StageKindCount__Output } from './rlprune/orchestrator/v1/StageKindCount';
import type { SubmitExperimentRequest as _rlprune_orchestrator_v1_SubmitExperimentRequest, SubmitExperimentRequest__Output as _rlprune_orchestrator_v1_SubmitExperimentRequest__Output } from './rlprune/orchestrator/v1/SubmitExperimentRequest';
import type { SystemStatus as _rlprune_orchestrator_v1_SystemStatus, SystemStatus__Output as _rlprune_orchestrator_v1_SystemStatus__Output } from './rlprune/orchestrator/v1/SystemStatus';
import type { WatchExperimentRequest as _rlprune_orchestrator_v1_WatchExperimentRequest, WatchExperimentRequest__Output as _rlprune_orchestrator_v1_WatchExperimentRequest__Output } from './rlprune/orchestrator/v1/WatchExperimentRequest';

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
    orchestrator: {
      v1: {
        ArtifactChunk: MessageTypeDefinition<_rlprune_orchestrator_v1_ArtifactChunk, _rlprune_orchestrator_v1_ArtifactChunk__Output>
        ArtifactInfo: MessageTypeDefinition<_rlprune_orchestrator_v1_ArtifactInfo, _rlprune_orchestrator_v1_ArtifactInfo__Output>
        ArtifactMeta: MessageTypeDefinition<_rlprune_orchestrator_v1_ArtifactMeta, _rlprune_orchestrator_v1_ArtifactMeta__Output>
        ArtifactStore: SubtypeConstructor<typeof grpc.Client, _rlprune_orchestrator_v1_ArtifactStoreClient> & { service: _rlprune_orchestrator_v1_ArtifactStoreDefinition }
        CancelExperimentRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_CancelExperimentRequest, _rlprune_orchestrator_v1_CancelExperimentRequest__Output>
        CompareExperimentsRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_CompareExperimentsRequest, _rlprune_orchestrator_v1_CompareExperimentsRequest__Output>
        Experiment: MessageTypeDefinition<_rlprune_orchestrator_v1_Experiment, _rlprune_orchestrator_v1_Experiment__Output>
        ExperimentEvent: MessageTypeDefinition<_rlprune_orchestrator_v1_ExperimentEvent, _rlprune_orchestrator_v1_ExperimentEvent__Output>
        GetArtifactRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_GetArtifactRequest, _rlprune_orchestrator_v1_GetArtifactRequest__Output>
        GetExperimentRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_GetExperimentRequest, _rlprune_orchestrator_v1_GetExperimentRequest__Output>
        GetReportRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_GetReportRequest, _rlprune_orchestrator_v1_GetReportRequest__Output>
        GetSystemStatusRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_GetSystemStatusRequest, _rlprune_orchestrator_v1_GetSystemStatusRequest__Output>
        ListExperimentsRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_ListExperimentsRequest, _rlprune_orchestrator_v1_ListExperimentsRequest__Output>
        ListExperimentsResponse: MessageTypeDefinition<_rlprune_orchestrator_v1_ListExperimentsResponse, _rlprune_orchestrator_v1_ListExperimentsResponse__Output>
        Orchestrator: SubtypeConstructor<typeof grpc.Client, _rlprune_orchestrator_v1_OrchestratorClient> & { service: _rlprune_orchestrator_v1_OrchestratorDefinition }
        PutArtifactChunk: MessageTypeDefinition<_rlprune_orchestrator_v1_PutArtifactChunk, _rlprune_orchestrator_v1_PutArtifactChunk__Output>
        Report: MessageTypeDefinition<_rlprune_orchestrator_v1_Report, _rlprune_orchestrator_v1_Report__Output>
        ResumeExperimentRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_ResumeExperimentRequest, _rlprune_orchestrator_v1_ResumeExperimentRequest__Output>
        ServiceStatus: MessageTypeDefinition<_rlprune_orchestrator_v1_ServiceStatus, _rlprune_orchestrator_v1_ServiceStatus__Output>
        StageKindCount: MessageTypeDefinition<_rlprune_orchestrator_v1_StageKindCount, _rlprune_orchestrator_v1_StageKindCount__Output>
        SubmitExperimentRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_SubmitExperimentRequest, _rlprune_orchestrator_v1_SubmitExperimentRequest__Output>
        SystemStatus: MessageTypeDefinition<_rlprune_orchestrator_v1_SystemStatus, _rlprune_orchestrator_v1_SystemStatus__Output>
        WatchExperimentRequest: MessageTypeDefinition<_rlprune_orchestrator_v1_WatchExperimentRequest, _rlprune_orchestrator_v1_WatchExperimentRequest__Output>
      }
    }
  }
}

