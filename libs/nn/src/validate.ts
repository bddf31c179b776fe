// Shape checks shared by every engine, so a mismatch reads the same whichever kernels run.
import { InvalidArgumentError } from './errors';
import type { Mlp } from './types';

export function checkPositiveInt(field: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new InvalidArgumentError(field, 'a positive integer', String(value));
  }
}

/** A batch [batch, width] laid out row-major in one array. */
export function checkBatch(field: string, data: ArrayLike<number>, batch: number, width: number): void {
  checkPositiveInt(`${field} batch`, batch);
  if (data.length !== batch * width) {
    const actualWidth = data.length / batch;
    const shown = Number.isInteger(actualWidth) ? `[${batch}, ${actualWidth}]` : `${data.length} values`;
    throw new InvalidArgumentError(field, `shape [${batch}, ${width}] (${batch * width} values)`, shown);
  }
}

/** Every layer's arrays have the lengths its dims imply, and consecutive layers chain. */
export function checkMlp(mlp: Mlp, field = 'mlp'): void {
  if (mlp.layers.length === 0) throw new InvalidArgumentError(`${field}.layers`, 'at least one layer', '0');
  if (mlp.activation !== 'tanh' && mlp.activation !== 'relu') {
    throw new InvalidArgumentError(`${field}.activation`, "'tanh' or 'relu'", String(mlp.activation));
  }
  mlp.layers.forEach((layer, l) => {
    const at = `${field}.layers[${l}]`;
    checkPositiveInt(`${at}.inDim`, layer.inDim);
    checkPositiveInt(`${at}.outDim`, layer.outDim);
    const shape = `[${layer.outDim}, ${layer.inDim}]`;
    if (!(layer.w instanceof Float32Array) || layer.w.length !== layer.outDim * layer.inDim) {
      throw new InvalidArgumentError(`${at}.w`, `Float32Array of shape ${shape}`, describe(layer.w));
    }
    if (!(layer.mask instanceof Float32Array) || layer.mask.length !== layer.outDim * layer.inDim) {
      throw new InvalidArgumentError(`${at}.mask`, `Float32Array of shape ${shape}`, describe(layer.mask));
    }
    if (!(layer.b instanceof Float32Array) || layer.b.length !== layer.outDim) {
      throw new InvalidArgumentError(`${at}.b`, `Float32Array of length ${layer.outDim}`, describe(layer.b));
    }
    if (l > 0 && layer.inDim !== mlp.layers[l - 1]!.outDim) {
      throw new InvalidArgumentError(`${at}.inDim`, `${mlp.layers[l - 1]!.outDim} (previous outDim)`, String(layer.inDim));
    }
  });
}

function describe(x: unknown): string {
  if (x instanceof Float32Array) return `Float32Array of length ${x.length}`;
  if (x === null || x === undefined) return String(x);
  return (x as object).constructor?.name ?? typeof x;
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
