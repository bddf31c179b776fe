// Shape and value checks of a net and of the arrays a caller hands in with it. Everything is checked
// before anything is changed, so a rejected call leaves the net exactly as it was.
import type { DenseLayer, Mlp } from '@rlprune/nn';
import { InvalidArgumentError, describeValue } from './errors';
import type { ResolvedPruneOptions } from './options';

export function validateNet(mlp: Mlp, field = 'net'): void {
  if (!mlp || !Array.isArray(mlp.layers) || mlp.layers.length === 0) {
    throw new InvalidArgumentError(`${field}.layers`, `must hold at least one layer, got ${describeValue(mlp?.layers)}`);
  }
  mlp.layers.forEach((layer, l) => validateLayer(layer, `${field}.layers[${l}]`));
  for (let l = 1; l < mlp.layers.length; l++) {
    const prev = mlp.layers[l - 1]!.outDim;
    const inDim = mlp.layers[l]!.inDim;
    if (inDim !== prev) {
      throw new InvalidArgumentError(`${field}.layers[${l}].inDim`, `must equal the previous layer's outDim ${prev}, got ${inDim}`);
    }
  }
}

function validateLayer(layer: DenseLayer, field: string): void {
  for (const dim of ['inDim', 'outDim'] as const) {
    if (!Number.isSafeInteger(layer[dim]) || layer[dim] < 1) {
      throw new InvalidArgumentError(`${field}.${dim}`, `must be a positive integer, got ${describeValue(layer[dim])}`);
    }
  }
  const size = layer.inDim * layer.outDim;
  requireLength(layer.w, size, `${field}.w`);
  requireLength(layer.mask, size, `${field}.mask`);
  requireLength(layer.b, layer.outDim, `${field}.b`);
  requireFiniteEntries(layer.w, `${field}.w`);
  requireFiniteEntries(layer.b, `${field}.b`);
  requireBinaryEntries(layer.mask, `${field}.mask`);
}

/**
 * Checks the gradients and bias masks against the net they belong to. `prefix` locates them in the
 * caller's request, e.g. "critic." for the critic's gradients.
 */
export function validateSignals(mlp: Mlp, opts: ResolvedPruneOptions, prefix = ''): void {
  const { layers } = mlp;
  if (opts.gradients !== undefined) {
    requireAligned(opts.gradients, layers.length, `${prefix}gradients`);
    opts.gradients.forEach((g, l) => {
      requireLength(g, layers[l]!.w.length, `${prefix}gradients[${l}]`);
      requireFiniteEntries(g, `${prefix}gradients[${l}]`);
    });
  }
  if (opts.biasGradients !== undefined) {
    requireAligned(opts.biasGradients, layers.length, `${prefix}biasGradients`);
    opts.biasGradients.forEach((g, l) => {
      requireLength(g, layers[l]!.outDim, `${prefix}biasGradients[${l}]`);
      requireFiniteEntries(g, `${prefix}biasGradients[${l}]`);
    });
  }
  if (opts.pruneBiases && opts.biasMasks !== undefined) {
    requireAligned(opts.biasMasks, layers.length, `${prefix}biasMasks`);
    opts.biasMasks.forEach((m, l) => {
      requireLength(m, layers[l]!.outDim, `${prefix}biasMasks[${l}]`);
      requireBinaryEntries(m, `${prefix}biasMasks[${l}]`);
    });
  }
  if (opts.criterion === 'saliency') {
    if (opts.gradients === undefined) {
      throw new InvalidArgumentError(
        `${prefix}gradients`,
        'saliency needs dL/dW for every layer (or, at the pruner service, a batch of states to compute them), got nothing',
      );
    }
    if (opts.pruneBiases && !opts.structured && opts.biasGradients === undefined) {
      throw new InvalidArgumentError(`${prefix}biasGradients`, 'saliency with pruneBiases needs dL/db for every layer, got nothing');
    }
  }
}

function requireAligned(arrays: unknown, count: number, field: string): void {
  if (!Array.isArray(arrays) || arrays.length !== count) {
    throw new InvalidArgumentError(field, `must hold one array per layer (${count}), got ${describeValue(arrays)}`);
  }
}

function requireLength(a: unknown, length: number, field: string): void {
  if (!(a instanceof Float32Array) || a.length !== length) {
    throw new InvalidArgumentError(field, `must be a Float32Array of length ${length}, got ${describeValue(a)}`);
  }
}

function requireFiniteEntries(a: Float32Array, field: string): void {
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k]!)) throw new InvalidArgumentError(`${field}[${k}]`, `must be finite, got ${a[k]}`);
  }
}

function requireBinaryEntries(a: Float32Array, field: string): void {
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (v !== 0 && v !== 1) throw new InvalidArgumentError(`${field}[${k}]`, `must be 0 or 1, got ${v}`);
  }
}
