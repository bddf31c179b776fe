// This library's own failures of a training run; bad input is @rlprune/errors' InvalidArgumentError.
import { CancelledError, FailedPreconditionError } from '@rlprune/errors';

/**
 * Training cannot go on (a loss or gradient became NaN or infinite). Nothing after the last good
 * checkpoint is kept: `lastCheckpoint` holds it (null when none was written yet) so a caller can
 * resume from it with other hyper-parameters.
 */
export class TrainingDivergedError extends FailedPreconditionError {
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
export class AbortError extends CancelledError {
  /** Iterations completed before the stop. */
  readonly iteration: number;

  constructor(iteration: number) {
    super(`training was aborted after iteration ${iteration}`);
    this.iteration = iteration;
  }
}
