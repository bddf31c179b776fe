// Shape and value checks of a net and of the arrays a caller hands in with it. Everything is checked
// before anything is changed, so a rejected call leaves the net exactly as it was.
import type { Mlp } from '@rlprune/nn';
import { check, InvalidArgumentError, show } from '@rlprune/errors';
import type { ResolvedPruneOptions } from './options';

export function validateNet(mlp: Mlp, field = 'net'): void {
  check.mlpShape(field, mlp);
  mlp.layers.forEach((layer, l) => {
    requireFiniteEntries(layer.w, `${field}.layers[${l}].w`);
    requireFiniteEntries(layer.b, `${field}.layers[${l}].b`);
    requireBinaryEntries(layer.mask, `${field}.layers[${l}].mask`);
  });
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
        'dL/dW for every layer (saliency needs them; at the pruner service, a batch of states to compute them from)',
        'nothing',
      );
    }
    if (opts.pruneBiases && !opts.structured && opts.biasGradients === undefined) {
      throw new InvalidArgumentError(`${prefix}biasGradients`, 'dL/db for every layer (saliency with pruneBiases needs them)', 'nothing');
    }
  }
}

function requireAligned(arrays: unknown, count: number, field: string): void {
  if (!Array.isArray(arrays) || arrays.length !== count) {
    throw new InvalidArgumentError(field, `one array per layer (${count})`, show(arrays));
  }
}

function requireLength(a: unknown, length: number, field: string): void {
  if (!(a instanceof Float32Array) || a.length !== length) {
    throw new InvalidArgumentError(field, `a Float32Array of length ${length}`, show(a));
  }
}

function requireFiniteEntries(a: Float32Array, field: string): void {
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k]!)) throw new InvalidArgumentError(`${field}[${k}]`, 'finite', show(a[k]));
  }
}

function requireBinaryEntries(a: Float32Array, field: string): void {
  for (let k = 0; k < a.length; k++) {
    const v = a[k]!;
    if (v !== 0 && v !== 1) throw new InvalidArgumentError(`${field}[${k}]`, '0 or 1', show(v));
  }
}
