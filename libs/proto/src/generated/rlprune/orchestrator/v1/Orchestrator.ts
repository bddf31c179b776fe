// Original file: proto/rlprune/orchestrator/v1/orchestrator.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelExperimentRequest as _rlprune_orchestrator_v1_CancelExperimentRequest, CancelExperimentRequest__Output as _rlprune_orchestrator_v1_CancelExperimentRequest__Output } from '../../../rlprune/orchestrator/v1/CancelExperimentRequest';
import type { CompareExperimentsRequest as _rlprune_orchestrator_v1_CompareExperimentsRequest, CompareExperimentsRequest__Output as _rlprune_orchestrator_v1_CompareExperimentsRequest__Output } from '../../../rlprune/orchestrator/v1/CompareExperimentsRequest';
import type { Experiment as _rlprune_orchestrator_v1_Experiment, Experiment__Output as _rlprune_orchestrator_v1_Experiment__Output } from '../../../rlprune/orchestrator/v1/Experiment';
import type { ExperimentEvent as _rlprune_orchestrator_v1_ExperimentEvent, ExperimentEvent__Output as _rlprune_orchestrator_v1_ExperimentEvent__Output } from '../../../rlprune/orchestrator/v1/ExperimentEvent';
import type { GetExperimentRequest as _rlprune_orchestrator_v1_GetExperimentRequest, GetExperimentRequest__Output as _rlprune_orchestrator_v1_GetExperimentRequest__Output } from '../../../rlprune/orchestrator/v1/GetExperimentRequest';
import type { GetReportRequest as _rlprune_orchestrator_v1_GetReportRequest, GetReportRequest__Output as _rlprune_orchestrator_v1_GetReportRequest__Output } from '../../../rlprune/orchestrator/v1/GetReportRequest';
import type { GetSystemStatusRequest as _rlprune_orchestrator_v1_GetSystemStatusRequest, GetSystemStatusRequest__Output as _rlprune_orchestrator_v1_GetSystemStatusRequest__Output } from '../../../rlprune/orchestrator/v1/GetSystemStatusRequest';
import type { ListExperimentsRequest as _rlprune_orchestrator_v1_ListExperimentsRequest, ListExperimentsRequest__Output as _rlprune_orchestrator_v1_ListExperimentsRequest__Output } from '../../../rlprune/orchestrator/v1/ListExperimentsRequest';
import type { ListExperimentsResponse as _rlprune_orchestrator_v1_ListExperimentsResponse, ListExperimentsResponse__Output as _rlprune_orchestrator_v1_ListExperimentsResponse__Output } from '../../../rlprune/orchestrator/v1/ListExperimentsResponse';
import type { Report as _rlprune_orchestrator_v1_Report, Report__Output as _rlprune_orchestrator_v1_Report__Output } from '../../../rlprune/orchestrator/v1/Report';
import type { ResumeExperimentRequest as _rlprune_orchestrator_v1_ResumeExperimentRequest, ResumeExperimentRequest__Output as _rlprune_orchestrator_v1_ResumeExperimentRequest__Output } from '../../../rlprune/orchestrator/v1/ResumeExperimentRequest';
import type { SubmitExperimentRequest as _rlprune_orchestrator_v1_SubmitExperimentRequest, SubmitExperimentRequest__Output as _rlprune_orchestrator_v1_SubmitExperimentRequest__Output } from '../../../rlprune/orchestrator/v1/SubmitExperimentRequest';
import type { SystemStatus as _rlprune_orchestrator_v1_SystemStatus, SystemStatus__Output as _rlprune_orchestrator_v1_SystemStatus__Output } from '../../../rlprune/orchestrator/v1/SystemStatus';
import type { WatchExperimentRequest as _rlprune_orchestrator_v1_WatchExperimentRequest, WatchExperimentRequest__Output as _rlprune_orchestrator_v1_WatchExperimentRequest__Output } from '../../../rlprune/orchestrator/v1/WatchExperimentRequest';

export interface OrchestratorClient extends grpc.Client {
  CancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  CancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  CancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  CancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  cancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  cancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  cancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  cancelExperiment(argument: _rlprune_orchestrator_v1_CancelExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  
  CompareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  CompareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  CompareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  CompareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  compareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  compareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  compareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  compareExperiments(argument: _rlprune_orchestrator_v1_CompareExperimentsRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  
  GetExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _rlprune_orchestrator_v1_GetExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  
  GetReport(argument: _rlprune_orchestrator_v1_GetReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  GetReport(argument: _rlprune_orchestrator_v1_GetReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  GetReport(argument: _rlprune_orchestrator_v1_GetReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  GetReport(argument: _rlprune_orchestrator_v1_GetReportRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  getReport(argument: _rlprune_orchestrator_v1_GetReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  getReport(argument: _rlprune_orchestrator_v1_GetReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  getReport(argument: _rlprune_orchestrator_v1_GetReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  getReport(argument: _rlprune_orchestrator_v1_GetReportRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Report__Output>): grpc.ClientUnaryCall;
  
  GetSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  GetSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  GetSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  GetSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  getSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  getSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  getSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  getSystemStatus(argument: _rlprune_orchestrator_v1_GetSystemStatusRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_SystemStatus__Output>): grpc.ClientUnaryCall;
  
  ListExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  ListExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  ListExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  ListExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _rlprune_orchestrator_v1_ListExperimentsRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  
  ResumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  ResumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  ResumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  ResumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  resumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  resumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  resumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  resumeExperiment(argument: _rlprune_orchestrator_v1_ResumeExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  
  SubmitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  SubmitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  SubmitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  SubmitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  submitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  submitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  submitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  submitExperiment(argument: _rlprune_orchestrator_v1_SubmitExperimentRequest, callback: grpc.requestCallback<_rlprune_orchestrator_v1_Experiment__Output>): grpc.ClientUnaryCall;
  
  WatchExperiment(argument: _rlprune_orchestrator_v1_WatchExperimentRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ExperimentEvent__Output>;
  WatchExperiment(argument: _rlprune_orchestrator_v1_WatchExperimentRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ExperimentEvent__Output>;
  watchExperiment(argument: _rlprune_orchestrator_v1_WatchExperimentRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ExperimentEvent__Output>;
  watchExperiment(argument: _rlprune_orchestrator_v1_WatchExperimentRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rlprune_orchestrator_v1_ExperimentEvent__Output>;
  
}

export interface OrchestratorHandlers extends grpc.UntypedServiceImplementation {
  CancelExperiment: grpc.handleUnaryCall<_rlprune_orchestrator_v1_CancelExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment>;
  
  CompareExperiments: grpc.handleUnaryCall<_rlprune_orchestrator_v1_CompareExperimentsRequest__Output, _rlprune_orchestrator_v1_Report>;
  
  GetExperiment: grpc.handleUnaryCall<_rlprune_orchestrator_v1_GetExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment>;
  
  GetReport: grpc.handleUnaryCall<_rlprune_orchestrator_v1_GetReportRequest__Output, _rlprune_orchestrator_v1_Report>;
  
  GetSystemStatus: grpc.handleUnaryCall<_rlprune_orchestrator_v1_GetSystemStatusRequest__Output, _rlprune_orchestrator_v1_SystemStatus>;
  
  ListExperiments: grpc.handleUnaryCall<_rlprune_orchestrator_v1_ListExperimentsRequest__Output, _rlprune_orchestrator_v1_ListExperimentsResponse>;
  
  ResumeExperiment: grpc.handleUnaryCall<_rlprune_orchestrator_v1_ResumeExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment>;
  
  SubmitExperiment: grpc.handleUnaryCall<_rlprune_orchestrator_v1_SubmitExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment>;
  
  WatchExperiment: grpc.handleServerStreamingCall<_rlprune_orchestrator_v1_WatchExperimentRequest__Output, _rlprune_orchestrator_v1_ExperimentEvent>;
  
}

export interface OrchestratorDefinition extends grpc.ServiceDefinition {
  CancelExperiment: MethodDefinition<_rlprune_orchestrator_v1_CancelExperimentRequest, _rlprune_orchestrator_v1_Experiment, _rlprune_orchestrator_v1_CancelExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment__Output>
  CompareExperiments: MethodDefinition<_rlprune_orchestrator_v1_CompareExperimentsRequest, _rlprune_orchestrator_v1_Report, _rlprune_orchestrator_v1_CompareExperimentsRequest__Output, _rlprune_orchestrator_v1_Report__Output>
  GetExperiment: MethodDefinition<_rlprune_orchestrator_v1_GetExperimentRequest, _rlprune_orchestrator_v1_Experiment, _rlprune_orchestrator_v1_GetExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment__Output>
  GetReport: MethodDefinition<_rlprune_orchestrator_v1_GetReportRequest, _rlprune_orchestrator_v1_Report, _rlprune_orchestrator_v1_GetReportRequest__Output, _rlprune_orchestrator_v1_Report__Output>
  GetSystemStatus: MethodDefinition<_rlprune_orchestrator_v1_GetSystemStatusRequest, _rlprune_orchestrator_v1_SystemStatus, _rlprune_orchestrator_v1_GetSystemStatusRequest__Output, _rlprune_orchestrator_v1_SystemStatus__Output>
  ListExperiments: MethodDefinition<_rlprune_orchestrator_v1_ListExperimentsRequest, _rlprune_orchestrator_v1_ListExperimentsResponse, _rlprune_orchestrator_v1_ListExperimentsRequest__Output, _rlprune_orchestrator_v1_ListExperimentsResponse__Output>
  ResumeExperiment: MethodDefinition<_rlprune_orchestrator_v1_ResumeExperimentRequest, _rlprune_orchestrator_v1_Experiment, _rlprune_orchestrator_v1_ResumeExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment__Output>
  SubmitExperiment: MethodDefinition<_rlprune_orchestrator_v1_SubmitExperimentRequest, _rlprune_orchestrator_v1_Experiment, _rlprune_orchestrator_v1_SubmitExperimentRequest__Output, _rlprune_orchestrator_v1_Experiment__Output>
  WatchExperiment: MethodDefinition<_rlprune_orchestrator_v1_WatchExperimentRequest, _rlprune_orchestrator_v1_ExperimentEvent, _rlprune_orchestrator_v1_WatchExperimentRequest__Output, _rlprune_orchestrator_v1_ExperimentEvent__Output>
}
