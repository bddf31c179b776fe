// Bad input to the deploy checks: names the field, what was expected and what was given.
export class InvalidArgumentError extends Error {
  constructor(
    readonly field: string,
    expected: string,
    actual: string,
  ) {
    super(`${field}: expected ${expected}, got ${actual}`);
    this.name = 'InvalidArgumentError';
  }
}
