export { ERROR_CODES, errorCodeOf } from './codes';
export type { ErrorCode } from './codes';
export {
  RlpruneError,
  InvalidArgumentError,
  NotFoundError,
  FailedPreconditionError,
  ResourceExhaustedError,
  UnavailableError,
  UnimplementedError,
  PermissionDeniedError,
  CancelledError,
} from './errors';
export type { ErrorParts } from './errors';
export { show, clip, MAX_QUOTED_CHARS } from './show';
export * as check from './check';
export type { MlpShape, MlpShapeOptions, RangeOptions } from './check';
