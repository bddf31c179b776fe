// Shape checks shared by every engine, so a mismatch reads the same whichever kernels run.
import { check, InvalidArgumentError } from '@rlprune/errors';

/** A batch [batch, width] laid out row-major in one array. */
export function checkBatch(field: string, data: ArrayLike<number>, batch: number, width: number): void {
  check.positiveInt(`${field} batch`, batch);
  if (data.length !== batch * width) {
    const actualWidth = data.length / batch;
    const shown = Number.isInteger(actualWidth) ? `[${batch}, ${actualWidth}]` : `${data.length} values`;
    throw new InvalidArgumentError(field, `shape [${batch}, ${width}] (${batch * width} values)`, shown);
  }
}

/**
 * Most parameters a requested actor-critic may have (RLPRUNE_MAX_POLICY_PARAMETERS where a service
 * reads requests): 16M, so a 2048-2048 net (~9M) trains and [65536, 65536] (a 16 GiB matrix each)
 * is refused before anything is allocated. A 256-256 Hopper actor-critic has ~140k.
 */
export const DEFAULT_MAX_POLICY_PARAMETERS = 16 * 1024 * 1024;

/** Observation and action widths assumed by `actorCriticParameterBound`: above every served env's. */
const BOUND_IO_WIDTH = 64;

/**
 * An upper bound on the weights and biases of an actor plus a critic with these hidden widths, for
 * any env with at most BOUND_IO_WIDTH observation and action dimensions (checked before the env is
 * known, e.g. when a spec is read).
 */
export function actorCriticParameterBound(hidden: readonly number[]): number {
  const dims = [BOUND_IO_WIDTH, ...hidden, BOUND_IO_WIDTH];
  let n = 0;
  for (let i = 1; i < dims.length; i++) n += dims[i - 1]! * dims[i]! + dims[i]!;
  return 2 * n;
}
