// Errors a caller can act on. The attacker service maps InvalidArgumentError to gRPC INVALID_ARGUMENT
// and FailedPreconditionError to FAILED_PRECONDITION, so each message names the field and says both
// what was expected and what arrived.

/** Bad input: `field` names the offending argument. */
export class InvalidArgumentError extends Error {
  readonly field: string;

  constructor(field: string, expected: string, actual: string) {
    super(`${field} must be ${expected}, got ${actual}`);
    this.name = 'InvalidArgumentError';
    this.field = field;
  }
}

/** A call that is valid only after another step, e.g. Perturb for robust sarsa before Prepare. */
export class FailedPreconditionError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'FailedPreconditionError';
    this.field = field;
  }
}

/** Short, bounded rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    return `${value.constructor.name} of length ${(value as ArrayLike<unknown>).length}`;
  }
  return typeof value;
}
