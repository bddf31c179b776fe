// Maps the errors handlers (and libraries) throw to gRPC status codes by their @rlprune/errors code,
// so a library says what kind of failure it is without depending on gRPC or on this kit.
import { status } from '@grpc/grpc-js';
import { clip, errorCodeOf, type ErrorCode } from '@rlprune/errors';
import { MAX_STATUS_DETAILS_CHARS } from './quote';

const STATUS_BY_CODE: Record<ErrorCode, status> = {
  invalid_argument: status.INVALID_ARGUMENT,
  not_found: status.NOT_FOUND,
  failed_precondition: status.FAILED_PRECONDITION,
  resource_exhausted: status.RESOURCE_EXHAUSTED,
  unavailable: status.UNAVAILABLE,
  unimplemented: status.UNIMPLEMENTED,
  permission_denied: status.PERMISSION_DENIED,
  cancelled: status.CANCELLED,
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
  return s.details.length <= MAX_STATUS_DETAILS_CHARS ? s : { code: s.code, details: clip(s.details, MAX_STATUS_DETAILS_CHARS) };
}

function unclippedStatus(err: unknown): StatusLike {
  if (err && typeof err === 'object') {
    const e = err as { name?: string; message?: string; code?: unknown; details?: unknown };
    // An error that already carries a gRPC status (e.g. from a downstream call) passes through.
    if (typeof e.code === 'number' && e.code >= 0 && e.code <= 16 && typeof e.details === 'string') {
      return { code: e.code as status, details: e.details };
    }
    const code = errorCodeOf(err);
    if (code !== undefined) return { code: STATUS_BY_CODE[code], details: e.message ?? e.name ?? 'error' };
    return { code: status.INTERNAL, details: `internal error: ${e.message ?? String(err)}` };
  }
  return { code: status.INTERNAL, details: `internal error: ${String(err)}` };
}

/** A status error as grpc-js callbacks and stream.destroy expect it. */
export function statusError(err: unknown): Error & { code: status; details: string } {
  const s = toStatus(err);
  return Object.assign(new Error(s.details), { code: s.code, details: s.details });
}
