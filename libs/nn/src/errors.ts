// Bad input to the engine (wrong widths, wrong mask shapes, corrupt artifacts). Services map it to
// gRPC INVALID_ARGUMENT, so the message names the field and both the expected and the actual value.
export class InvalidArgumentError extends Error {
  /** The argument or field at fault, e.g. "x" or "actor.layers[1].mask". */
  readonly field: string;

  constructor(field: string, expected: string, actual: string) {
    super(`${field}: expected ${expected}, got ${actual}`);
    this.name = 'InvalidArgumentError';
    this.field = field;
  }
}
