// Errors a caller can act on. Each carries a code (service-kit maps it to a gRPC status), the field
// at fault in the caller's terms, and what was expected and what arrived, so every message reads
// "field: expected X, got Y". Every class takes the same arguments in the same order:
//   new InvalidArgumentError(field, expected, actual)   "field: expected X, got Y"
//   new NotFoundError(field, reason)                    "field: reason" (when the message is not a mismatch)
//   new UnavailableError(reason)                        "reason" (no field: the call as a whole)
// `actual` is text: pass a value through `show` (./show) so it is quoted and clipped the same way everywhere.
import type { ErrorCode } from './codes';

/** Arguments shared by every error class: (field, expected, actual), (field, reason) or (reason). */
export type ErrorParts = [field: string, expected: string, actual: string] | [field: string, reason: string] | [reason: string];

const NAME_BY_CODE: Record<ErrorCode, string> = {
  invalid_argument: 'InvalidArgumentError',
  not_found: 'NotFoundError',
  failed_precondition: 'FailedPreconditionError',
  resource_exhausted: 'ResourceExhaustedError',
  unavailable: 'UnavailableError',
  unimplemented: 'UnimplementedError',
  permission_denied: 'PermissionDeniedError',
  cancelled: 'CancelledError',
};

export class RlpruneError extends Error {
  readonly code: ErrorCode;
  /** The argument or request field at fault, e.g. "ppo.num_steps" or "actor.layers[1].mask"; undefined for the call as a whole. */
  readonly field: string | undefined;
  /** What was expected, when the error is a mismatch. */
  readonly expected: string | undefined;
  /** What arrived, as shown to the user, when the error is a mismatch. */
  readonly actual: string | undefined;

  constructor(code: ErrorCode, parts: ErrorParts) {
    const [field, expected, actual] = parts.length === 1 ? [undefined, undefined, undefined] : parts.length === 3 ? parts : [parts[0], undefined, undefined];
    const text = parts.length === 3 ? `expected ${parts[1]}, got ${parts[2]}` : parts[parts.length - 1]!;
    super(field ? `${field}: ${text}` : text);
    // the kind's class name even for subclasses (SpecError is an InvalidArgumentError), as logs and older callers read it
    this.name = NAME_BY_CODE[code];
    this.code = code;
    this.field = field;
    this.expected = expected;
    this.actual = actual;
  }
}

export class InvalidArgumentError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('invalid_argument', parts);
  }
}
export class NotFoundError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('not_found', parts);
  }
}
export class FailedPreconditionError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('failed_precondition', parts);
  }
}
export class ResourceExhaustedError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('resource_exhausted', parts);
  }
}
export class UnavailableError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('unavailable', parts);
  }
}
export class UnimplementedError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('unimplemented', parts);
  }
}
export class PermissionDeniedError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('permission_denied', parts);
  }
}
export class CancelledError extends RlpruneError {
  constructor(...parts: ErrorParts) {
    super('cancelled', parts);
  }
}
