// What a caller can ask of one pruning call, with every default in one place. Options arrive from
// the trainer (typed) and from the pruner service (strings off the wire), so every field is checked
// at run time too, and a bad one throws InvalidArgumentError naming it.
import { InvalidArgumentError, show } from '@rlprune/errors';
import { DEFAULT_LAYER_FLOOR, requireLayerFloor, type LayerFloor } from './layer-floor';

export const CRITERIA = ['magnitude', 'saliency', 'random'] as const;
/** How weights are ranked: |w|, |w * dL/dw| (first-order Taylor), or uniformly at random (seeded). */
export type Criterion = (typeof CRITERIA)[number];

export const SCOPES = ['layer', 'global'] as const;
/** "layer": every layer gets the same fraction; "global": one ranking over every prunable entry of the net. */
export type Scope = (typeof SCOPES)[number];

/** Seeds as they arrive: numbers from TS callers, bigint or decimal strings for proto uint64. */
export type Seed = number | bigint | string;

/** Per-net inputs that only the caller can supply. */
export interface NetSignals {
  /** dL/dW per layer, aligned with `mlp.layers`, same row-major layout as `w`. Required by saliency. */
  gradients?: Float32Array[];
  /** dL/db per layer, aligned with `mlp.layers`. Required by saliency when biases are pruned. */
  biasGradients?: Float32Array[];
  /**
   * Bias masks (1 kept, 0 pruned) returned by the previous call on this net. The shared DenseLayer has
   * no bias mask, so without these every bias counts as unpruned. Ignored unless `pruneBiases`.
   */
  biasMasks?: Float32Array[];
}

export interface PruneOptions extends NetSignals {
  /** Ranking of weights or units; lowest scores are pruned first. */
  criterion: Criterion;
  /**
   * Target in [0, 1). Unstructured: fraction of prunable entries (all weights, plus biases when
   * `pruneBiases`) held at zero. Structured: fraction of hidden units removed.
   */
  sparsity: number;
  /** Same fraction per layer ("layer") or one ranking over the net ("global"). Default "layer". */
  scope?: Scope;
  /** Remove whole hidden units (row of W_l and column of W_l+1) instead of single weights. Default false. */
  structured?: boolean;
  /** Seed of the random criterion; the same seed always gives the same mask. Default 0. */
  seed?: Seed;
  /**
   * Recompute the mask from scratch, so entries pruned earlier may come back (restarting at 0).
   * Default false: masks only shrink, and entries already pruned count toward the target.
   */
  regrow?: boolean;
  /** Prune biases too (scored like weights; structured: the bias of every removed unit). Default false. */
  pruneBiases?: boolean;
  /** Prefix of layer names in the report: "actor" names layers "actor.0", "actor.1", ... Default "net". */
  name?: string;
  /**
   * What global-scope unstructured pruning leaves in every layer (layer-floor.ts). Default
   * DEFAULT_LAYER_FLOOR: each unit keeps its best incoming weight, each layer at least 1% of its
   * weights. NO_LAYER_FLOOR restores the plain global ranking (which can empty a layer).
   */
  layerFloor?: LayerFloor;
}

/** PruneOptions with every default filled in and every field checked. */
export interface ResolvedPruneOptions {
  criterion: Criterion;
  sparsity: number;
  scope: Scope;
  structured: boolean;
  seed: Seed;
  regrow: boolean;
  pruneBiases: boolean;
  name: string;
  layerFloor: LayerFloor;
  gradients: Float32Array[] | undefined;
  biasGradients: Float32Array[] | undefined;
  biasMasks: Float32Array[] | undefined;
}

export const PRUNE_DEFAULTS = {
  scope: 'layer',
  structured: false,
  seed: 0,
  regrow: false,
  pruneBiases: false,
  name: 'net',
} as const satisfies Partial<PruneOptions>;

export function requireCriterion(value: unknown, field = 'criterion'): Criterion {
  return requireOneOf(value, field, CRITERIA);
}

export function requireScope(value: unknown, field = 'scope'): Scope {
  return requireOneOf(value, field, SCOPES);
}

export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new InvalidArgumentError(field, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, show(value));
  }
  return value as T;
}

/** A sparsity target: finite and in [0, 1) (a net with every weight pruned has no output left). */
export function requireSparsity(value: unknown, field = 'sparsity'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new InvalidArgumentError(field, 'a number in [0, 1)', show(value));
  }
  return value;
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(field, 'true or false', show(value));
  }
  return value;
}

export function requireSeed(value: unknown, field = 'seed'): Seed {
  const ok =
    (typeof value === 'number' && Number.isSafeInteger(value)) ||
    typeof value === 'bigint' ||
    (typeof value === 'string' && /^-?\d+$/.test(value));
  if (!ok) throw new InvalidArgumentError(field, 'an integer (number, bigint or decimal string)', show(value));
  return value as Seed;
}

export function resolvePruneOptions(options: PruneOptions): ResolvedPruneOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', 'an object', show(options));
  }
  const name = options.name ?? PRUNE_DEFAULTS.name;
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError('name', 'a non-empty string', show(name));
  }
  return {
    criterion: requireCriterion(options.criterion),
    sparsity: requireSparsity(options.sparsity),
    scope: requireScope(options.scope ?? PRUNE_DEFAULTS.scope),
    structured: requireBoolean(options.structured ?? PRUNE_DEFAULTS.structured, 'structured'),
    seed: requireSeed(options.seed ?? PRUNE_DEFAULTS.seed),
    regrow: requireBoolean(options.regrow ?? PRUNE_DEFAULTS.regrow, 'regrow'),
    pruneBiases: requireBoolean(options.pruneBiases ?? PRUNE_DEFAULTS.pruneBiases, 'pruneBiases'),
    name,
    layerFloor: requireLayerFloor(options.layerFloor ?? DEFAULT_LAYER_FLOOR),
    gradients: options.gradients,
    biasGradients: options.biasGradients,
    biasMasks: options.biasMasks,
  };
}
