// Errors a caller can act on. The trainer service maps them by `name` to gRPC status codes:
// InvalidArgumentError -> INVALID_ARGUMENT, FailedPreconditionError -> FAILED_PRECONDITION,
// AbortError -> CANCELLED.

/** Bad input: `field` names the offending hyper-parameter; the message gives expected and actual values. */
export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
  /** The field at fault, e.g. "learningRate" or "sa.kappa". */
  readonly field: string;

  constructor(field: string, expected: string, actual: unknown) {
    super(`${field} must be ${expected}, got ${describeValue(actual)}`);
    this.field = field;
  }

  /** For messages already worded by another library (which named the field without our prefix). */
  static withMessage(field: string, message: string): InvalidArgumentError {
    const err = new InvalidArgumentError(field, '', '');
    err.message = `${field}: ${message}`;
    return err;
  }
}

/**
 * Training cannot go on (a loss or gradient became NaN or infinite). Nothing after the last good
 * checkpoint is kept: `lastCheckpoint` holds it (null when none was written yet) so a caller can
 * resume from it with other hyper-parameters.
 */
export class FailedPreconditionError extends Error {
  override name = 'FailedPreconditionError';
  /** 1-based PPO iteration in which the failure happened. */
  readonly iteration: number;
  /** Iteration of `lastCheckpoint`, or 0 when there is none. */
  readonly lastCheckpointIteration: number;
  readonly lastCheckpoint: Buffer | null;

  constructor(message: string, iteration: number, lastCheckpoint: { bytes: Buffer; iteration: number } | null) {
    const kept = lastCheckpoint
      ? `the last good checkpoint (iteration ${lastCheckpoint.iteration}) is kept`
      : 'no checkpoint was written before it';
    super(`iteration ${iteration}: ${message}; training stopped, ${kept}`);
    this.iteration = iteration;
    this.lastCheckpoint = lastCheckpoint?.bytes ?? null;
    this.lastCheckpointIteration = lastCheckpoint?.iteration ?? 0;
  }
}

/** Training was stopped through the abort signal. */
export class AbortError extends Error {
  override name = 'AbortError';
  /** Iterations completed before the stop. */
  readonly iteration: number;

  constructor(iteration: number) {
    super(`training was aborted after iteration ${iteration}`);
    this.iteration = iteration;
  }
}

/** Short rendering of a bad value for an error message. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (ArrayBuffer.isView(v)) return `${v.constructor.name} of length ${(v as Float32Array).length}`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}
