// Prunes one net in place: check the inputs, score with the chosen criterion, choose what to prune
// (element-wise or by unit), then write the masks and zero the pruned entries. Choosing is kept
// apart from writing so that a call that fails changes nothing, even across two nets.
import type { Mlp } from '@rlprune/nn';
import { criterionByName } from './criteria/registry';
import { applyMasks, currentMasks, fullMasks, type NetMasks } from './masks';
import { resolvePruneOptions, type PruneOptions } from './options';
import { sparsityReport, type SparsityReport } from './report';
import { planStructured } from './structured';
import { planUnstructured, type FloorLimit } from './unstructured';
import { validateNet, validateSignals } from './validate';

export interface NetPruneResult extends SparsityReport {
  /**
   * Bias masks (1 kept, 0 pruned) when biases are pruned, else null. The shared layer type has no
   * bias mask: pass these back as `biasMasks` on the next call so they only shrink, and call
   * `enforceMasks(mlp, biasMasks)` after each optimiser step to keep pruned biases at zero.
   */
  biasMasks: Float32Array[] | null;
  /**
   * Set when global pruning stopped short of the target because the layer floor (layer-floor.ts)
   * left too few entries: it pruned all it could; null when the target was met.
   */
  floorLimit: FloorLimit | null;
}

/** Masks chosen for one net, not yet written. */
export interface PrunePlan {
  mlp: Mlp;
  name: string;
  masks: NetMasks;
  floorLimit: FloorLimit | null;
}

/**
 * Checks everything and chooses the new masks without changing the net. `signalPrefix` locates the
 * gradients in the caller's request for error messages, e.g. "critic.".
 */
export function planPrune(mlp: Mlp, options: PruneOptions, signalPrefix = ''): PrunePlan {
  const opts = resolvePruneOptions(options);
  validateNet(mlp, opts.name);
  validateSignals(mlp, opts, signalPrefix);
  const criterion = criterionByName(opts.criterion);
  const start = opts.regrow ? fullMasks(mlp, opts.pruneBiases) : currentMasks(mlp, opts.pruneBiases, opts.biasMasks);
  const inputs = {
    mlp,
    gradients: opts.gradients,
    biasGradients: opts.biasGradients,
    pruneBiases: opts.pruneBiases,
    seed: opts.seed,
  };
  if (opts.structured) {
    const masks = planStructured(mlp, start, criterion.scoreUnits(inputs), opts.scope, opts.sparsity, (l) => `${opts.name}.${l}`);
    return { mlp, name: opts.name, masks, floorLimit: null };
  }
  const { masks, floorLimit } = planUnstructured(start, criterion.scoreWeights(inputs), opts.scope, opts.sparsity, mlp.layers, opts.layerFloor);
  return { mlp, name: opts.name, masks, floorLimit };
}

/** Writes a plan into its net and reports the sparsity reached. */
export function applyPrune(plan: PrunePlan): NetPruneResult {
  applyMasks(plan.mlp, plan.masks);
  return { ...sparsityReport(plan.mlp, plan.name, plan.masks.biases), biasMasks: plan.masks.biases, floorLimit: plan.floorLimit };
}

/**
 * Prunes `mlp` in place to `options.sparsity` and reports what it reached. Pruned weights get mask 0
 * and weight exactly 0; without `regrow`, entries already pruned stay pruned.
 */
export function pruneNet(mlp: Mlp, options: PruneOptions): NetPruneResult {
  return applyPrune(planPrune(mlp, options));
}
