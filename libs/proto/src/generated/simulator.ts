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
import type { AttackBinding as _rlprune_simulator_v1_AttackBinding, AttackBinding__Output as _rlprune_simulator_v1_AttackBinding__Output } from './rlprune/simulator/v1/AttackBinding';
import type { CreateSession as _rlprune_simulator_v1_CreateSession, CreateSession__Output as _rlprune_simulator_v1_CreateSession__Output } from './rlprune/simulator/v1/CreateSession';
import type { EnvStateRestored as _rlprune_simulator_v1_EnvStateRestored, EnvStateRestored__Output as _rlprune_simulator_v1_EnvStateRestored__Output } from './rlprune/simulator/v1/EnvStateRestored';
import type { EpisodeResult as _rlprune_simulator_v1_EpisodeResult, EpisodeResult__Output as _rlprune_simulator_v1_EpisodeResult__Output } from './rlprune/simulator/v1/EpisodeResult';
import type { EvaluateEvent as _rlprune_simulator_v1_EvaluateEvent, EvaluateEvent__Output as _rlprune_simulator_v1_EvaluateEvent__Output } from './rlprune/simulator/v1/EvaluateEvent';
import type { EvaluateRequest as _rlprune_simulator_v1_EvaluateRequest, EvaluateRequest__Output as _rlprune_simulator_v1_EvaluateRequest__Output } from './rlprune/simulator/v1/EvaluateRequest';
import type { EvaluateSummary as _rlprune_simulator_v1_EvaluateSummary, EvaluateSummary__Output as _rlprune_simulator_v1_EvaluateSummary__Output } from './rlprune/simulator/v1/EvaluateSummary';
import type { ListEnvsRequest as _rlprune_simulator_v1_ListEnvsRequest, ListEnvsRequest__Output as _rlprune_simulator_v1_ListEnvsRequest__Output } from './rlprune/simulator/v1/ListEnvsRequest';
import type { ListEnvsResponse as _rlprune_simulator_v1_ListEnvsResponse, ListEnvsResponse__Output as _rlprune_simulator_v1_ListEnvsResponse__Output } from './rlprune/simulator/v1/ListEnvsResponse';
import type { ResetEnvs as _rlprune_simulator_v1_ResetEnvs, ResetEnvs__Output as _rlprune_simulator_v1_ResetEnvs__Output } from './rlprune/simulator/v1/ResetEnvs';
import type { RestoreEnvState as _rlprune_simulator_v1_RestoreEnvState, RestoreEnvState__Output as _rlprune_simulator_v1_RestoreEnvState__Output } from './rlprune/simulator/v1/RestoreEnvState';
import type { SaveEnvState as _rlprune_simulator_v1_SaveEnvState, SaveEnvState__Output as _rlprune_simulator_v1_SaveEnvState__Output } from './rlprune/simulator/v1/SaveEnvState';
import type { SessionCreated as _rlprune_simulator_v1_SessionCreated, SessionCreated__Output as _rlprune_simulator_v1_SessionCreated__Output } from './rlprune/simulator/v1/SessionCreated';
import type { SessionRequest as _rlprune_simulator_v1_SessionRequest, SessionRequest__Output as _rlprune_simulator_v1_SessionRequest__Output } from './rlprune/simulator/v1/SessionRequest';
import type { SessionResponse as _rlprune_simulator_v1_SessionResponse, SessionResponse__Output as _rlprune_simulator_v1_SessionResponse__Output } from './rlprune/simulator/v1/SessionResponse';
import type { SimulatorClient as _rlprune_simulator_v1_SimulatorClient, SimulatorDefinition as _rlprune_simulator_v1_SimulatorDefinition } from './rlprune/simulator/v1/Simulator';
import type { StepEnvs as _rlprune_simulator_v1_StepEnvs, StepEnvs__Output as _rlprune_simulator_v1_StepEnvs__Output } from './rlprune/simulator/v1/StepEnvs';
import type { StepResult as _rlprune_simulator_v1_StepResult, StepResult__Output as _rlprune_simulator_v1_StepResult__Output } from './rlprune/simulator/v1/StepResult';

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
    simulator: {
      v1: {
        AttackBinding: MessageTypeDefinition<_rlprune_simulator_v1_AttackBinding, _rlprune_simulator_v1_AttackBinding__Output>
        CreateSession: MessageTypeDefinition<_rlprune_simulator_v1_CreateSession, _rlprune_simulator_v1_CreateSession__Output>
        EnvStateRestored: MessageTypeDefinition<_rlprune_simulator_v1_EnvStateRestored, _rlprune_simulator_v1_EnvStateRestored__Output>
        EpisodeResult: MessageTypeDefinition<_rlprune_simulator_v1_EpisodeResult, _rlprune_simulator_v1_EpisodeResult__Output>
        EvaluateEvent: MessageTypeDefinition<_rlprune_simulator_v1_EvaluateEvent, _rlprune_simulator_v1_EvaluateEvent__Output>
        EvaluateRequest: MessageTypeDefinition<_rlprune_simulator_v1_EvaluateRequest, _rlprune_simulator_v1_EvaluateRequest__Output>
        EvaluateSummary: MessageTypeDefinition<_rlprune_simulator_v1_EvaluateSummary, _rlprune_simulator_v1_EvaluateSummary__Output>
        ListEnvsRequest: MessageTypeDefinition<_rlprune_simulator_v1_ListEnvsRequest, _rlprune_simulator_v1_ListEnvsRequest__Output>
        ListEnvsResponse: MessageTypeDefinition<_rlprune_simulator_v1_ListEnvsResponse, _rlprune_simulator_v1_ListEnvsResponse__Output>
        ResetEnvs: MessageTypeDefinition<_rlprune_simulator_v1_ResetEnvs, _rlprune_simulator_v1_ResetEnvs__Output>
        RestoreEnvState: MessageTypeDefinition<_rlprune_simulator_v1_RestoreEnvState, _rlprune_simulator_v1_RestoreEnvState__Output>
        SaveEnvState: MessageTypeDefinition<_rlprune_simulator_v1_SaveEnvState, _rlprune_simulator_v1_SaveEnvState__Output>
        SessionCreated: MessageTypeDefinition<_rlprune_simulator_v1_SessionCreated, _rlprune_simulator_v1_SessionCreated__Output>
        SessionRequest: MessageTypeDefinition<_rlprune_simulator_v1_SessionRequest, _rlprune_simulator_v1_SessionRequest__Output>
        SessionResponse: MessageTypeDefinition<_rlprune_simulator_v1_SessionResponse, _rlprune_simulator_v1_SessionResponse__Output>
        Simulator: SubtypeConstructor<typeof grpc.Client, _rlprune_simulator_v1_SimulatorClient> & { service: _rlprune_simulator_v1_SimulatorDefinition }
        StepEnvs: MessageTypeDefinition<_rlprune_simulator_v1_StepEnvs, _rlprune_simulator_v1_StepEnvs__Output>
        StepResult: MessageTypeDefinition<_rlprune_simulator_v1_StepResult, _rlprune_simulator_v1_StepResult__Output>
      }
    }
  }
}

