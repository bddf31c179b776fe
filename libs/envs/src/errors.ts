// Errors a caller can act on. The services map them to gRPC status codes:
// InvalidArgumentError -> INVALID_ARGUMENT, NotFoundError -> NOT_FOUND, EnvStateError -> FAILED_PRECONDITION.

/** Bad input: `field` names the offending argument; the message gives the expected and actual values. */
export class InvalidArgumentError extends Error {
  readonly field: string;

  constructor(field: string, expected: string, actual: string) {
    super(`${field} must be ${expected}, got ${actual}`);
    this.name = 'InvalidArgumentError';
    this.field = field;
  }
}

/** An env id that is not registered; the message lists the known ids. */
export class NotFoundError extends Error {
  readonly field: string;

  constructor(field: string, actual: string, known: readonly string[]) {
    super(`${field}: unknown env id ${JSON.stringify(actual)}; known ids: ${known.join(', ')}`);
    this.name = 'NotFoundError';
    this.field = field;
  }
}

/** A call that is valid only in another state (step before reset, use after close). */
export class EnvStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvStateError';
  }
}

/** Short, bounded rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    return `${value.constructor.name} of length ${(value as ArrayLike<unknown>).length}`;
  }
  return typeof value;
}
