export { startService, bindService } from './server';
export type { ServiceBinding, ServiceHandle, StartOptions } from './server';
export { runService, exitOnConfigError } from './run';
export type { RunOptions } from './run';
export { listenConfig, envMs, envInt, ConfigError } from './config';
export type { ListenConfig } from './config';
export {
  InvalidArgumentError,
  NotFoundError,
  FailedPreconditionError,
  ResourceExhaustedError,
  UnavailableError,
  UnimplementedError,
  PermissionDeniedError,
  toStatus,
  statusError,
} from './errors';
export { show, clip, check } from '@rlprune/errors';
export * from './validate';
export * from './limits';
export * from './quote';
export { DialAllowList, attackerAddressesOf } from './dial-allow-list';
export { messages, assertWellFormed } from './handlers';
export { busyPoll, isBusyPolling } from './busy-poll';
export type { AsyncHandler, AsyncHandlers, RequestOf } from './handlers';
export { getClient, closeClients, normalizeTarget, unary, consumeStream, DEFAULT_UNARY_DEADLINE_MS } from './client';
export type { UnaryMethod, StreamOptions } from './client';
export { createLogger } from './logger';
export type { Logger } from './logger';
export { SERVER_OPTIONS, CLIENT_OPTIONS, MAX_MESSAGE_BYTES } from './presets';
export { checkHealth } from './health-client';
export type { HealthResult } from './health-client';
export { packageVersion } from './version';
export { ArtifactClient } from './artifact-client';
export type { ArtifactMetaInput } from './artifact-client';
