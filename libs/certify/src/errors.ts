// The one error type of this library. Services map it to gRPC INVALID_ARGUMENT, so the message must
// tell a user which field was wrong, what was expected and what arrived.

export class InvalidArgumentError extends Error {
  /** Name of the offending input, e.g. 'epsilon' or 'states[3]'. */
  readonly field: string;

  constructor(field: string, expected: string, actual: unknown) {
    super(`${field} must be ${expected}, got ${describe(actual)}`);
    this.name = 'InvalidArgumentError';
    this.field = field;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return String(value);
}
