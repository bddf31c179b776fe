// This library's own error kind; bad input is @rlprune/errors' InvalidArgumentError and an unknown
// env id its NotFoundError.
import { FailedPreconditionError } from '@rlprune/errors';

/** A call that is valid only in another state (step before reset, use after close). */
export class EnvStateError extends FailedPreconditionError {
  // the simulator tells it from other failed preconditions by name (its session maps it to field "step")
  override name = 'EnvStateError';
}
