// Bad input is reported as InvalidArgumentError; the service kit maps errors to gRPC status codes by
// their `name`, so this library stays free of gRPC yet its errors still become INVALID_ARGUMENT.

export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
  /** The option or input the error is about, e.g. "sparsity" or "gradients[1]". */
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** Short rendering of a bad value for an error message. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined || v === null) return 'nothing';
  if (ArrayBuffer.isView(v)) return `${v.constructor.name} of length ${(v as Float32Array).length}`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return String(v);
}
