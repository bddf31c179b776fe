// Typed errors that handlers (and libraries) throw; the server maps them to gRPC status codes by
// their `name`, so a library can define its own InvalidArgumentError without depending on this kit.
import { status } from '@grpc/grpc-js';
import { clipQuoted, MAX_STATUS_DETAILS_CHARS } from './quote';

class ServiceError extends Error {
  /** The request field the error is about, when there is one. */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.field = field;
  }
}

export class InvalidArgumentError extends ServiceError {
  override name = 'InvalidArgumentError';
}
export class NotFoundError extends ServiceError {
  override name = 'NotFoundError';
}
export class FailedPreconditionError extends ServiceError {
  override name = 'FailedPreconditionError';
}
export class ResourceExhaustedError extends ServiceError {
  override name = 'ResourceExhaustedError';
}
export class UnavailableError extends ServiceError {
  override name = 'UnavailableError';
}
export class UnimplementedError extends ServiceError {
  override name = 'UnimplementedError';
}
export class PermissionDeniedError extends ServiceError {
  override name = 'PermissionDeniedError';
}

const CODE_BY_NAME: Record<string, status> = {
  InvalidArgumentError: status.INVALID_ARGUMENT,
  TensorShapeError: status.INVALID_ARGUMENT,
  // libraries' own error classes, matched by name so they need not depend on this kit
  PolicyFormatError: status.INVALID_ARGUMENT,
  EnvStateError: status.FAILED_PRECONDITION,
  NotFoundError: status.NOT_FOUND,
  FailedPreconditionError: status.FAILED_PRECONDITION,
  ResourceExhaustedError: status.RESOURCE_EXHAUSTED,
  UnavailableError: status.UNAVAILABLE,
  UnimplementedError: status.UNIMPLEMENTED,
  PermissionDeniedError: status.PERMISSION_DENIED,
  AbortError: status.CANCELLED,
};

export interface StatusLike {
  code: status;
  details: string;
}

/**
 * Maps anything thrown by a handler to a gRPC status; unknown errors become INTERNAL. Details are
 * clipped: a message quoting a huge request value would not fit the status trailers.
 */
export function toStatus(err: unknown): StatusLike {
  const s = unclippedStatus(err);
  return s.details.length <= MAX_STATUS_DETAILS_CHARS ? s : { code: s.code, details: clipQuoted(s.details, MAX_STATUS_DETAILS_CHARS) };
}

function unclippedStatus(err: unknown): StatusLike {
  if (err && typeof err === 'object') {
    const e = err as { name?: string; message?: string; code?: unknown; details?: unknown };
    // An error that already carries a gRPC status (e.g. from a downstream call) passes through.
    if (typeof e.code === 'number' && e.code >= 0 && e.code <= 16 && typeof e.details === 'string') {
      return { code: e.code as status, details: e.details };
    }
    const code = e.name ? CODE_BY_NAME[e.name] : undefined;
    if (code !== undefined) return { code, details: e.message ?? e.name ?? 'error' };
    return { code: status.INTERNAL, details: `internal error: ${e.message ?? String(err)}` };
  }
  return { code: status.INTERNAL, details: `internal error: ${String(err)}` };
}

/** A status error as grpc-js callbacks and stream.destroy expect it. */
export function statusError(err: unknown): Error & { code: status; details: string } {
  const s = toStatus(err);
  return Object.assign(new Error(s.details), { code: s.code, details: s.details });
}
