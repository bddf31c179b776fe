// Unstructured (element-wise) pruning: the paper's setting, where the surrogate Lipschitz bound
// provably never rises. Each layer's prunable entries are its weights, followed by its biases when
// those are pruned. "layer" scope prunes round(sparsity * n) entries of every layer; "global" scope
// prunes round(sparsity * N) entries of the whole net, ranked together, except the entries the layer
// floor keeps (layer-floor.ts), so no layer is emptied. Entries already pruned in `start` stay pruned
// and count toward the target.
import type { LayerScores } from './criteria/criterion';
import { protectedWeights, type LayerFloor } from './layer-floor';
import type { NetMasks } from './masks';
import type { Scope } from './options';
import { lowestScores } from './select';

/** A layer's weight matrix shape, [outDim, inDim] row-major. */
export interface LayerShape {
  outDim: number;
  inDim: number;
}

/** Why global pruning stopped short of its target: the layer floor left too few entries to prune. */
export interface FloorLimit {
  /** Entries the target asked to have pruned. */
  requested: number;
  /** Entries pruned: all that the floor allows. */
  pruned: number;
  /** Entries of the net. */
  total: number;
  /** One line for the user, naming the highest reachable sparsity. */
  message: string;
}

/**
 * Returns `start` with the chosen entries set to 0 (it is modified in place), and, when global scope
 * cannot reach the target without breaking the floor, how far it got (it prunes all it may: a
 * training run with a cubic schedule keeps going rather than failing at its last mask update).
 */
export function planUnstructured(
  start: NetMasks, scores: LayerScores[], scope: Scope, sparsity: number, shapes: LayerShape[], floor: LayerFloor,
): { masks: NetMasks; floorLimit: FloorLimit | null } {
  let floorLimit: FloorLimit | null = null;
  const slots = scores.map((s, l) => flattenLayer(start, s, l));
  if (scope === 'layer') {
    slots.forEach((layer) => pruneLowest(layer.scores, layer.alive, layer.alive, Math.round(sparsity * layer.alive.length)));
  } else {
    const all = concatSlots(slots);
    const eligible = all.alive.slice();
    let first = 0;
    slots.forEach((layer, l) => {
      const { outDim, inDim } = shapes[l]!;
      const keep = protectedWeights(layer.scores, layer.alive, outDim, inDim, floor);
      for (let k = 0; k < keep.length; k++) if (keep[k] === 1) eligible[first + k] = 0;
      first += layer.alive.length;
    });
    const total = all.alive.length;
    const target = Math.round(sparsity * total);
    const prunable = total - count(all.alive) + count(eligible);
    if (target > prunable) {
      floorLimit = {
        requested: target,
        pruned: prunable,
        total,
        message:
          `sparsity ${sparsity} asks for ${target} of ${total} entries, but global pruning keeps a floor in every layer ` +
          `(${floor.minPerUnit} incoming weight(s) per unit, at least ${floor.minFraction * 100}% of each layer), so at most ` +
          `${prunable} can be pruned: reached sparsity ${(prunable / total).toFixed(4)}`,
      };
    }
    pruneLowest(all.scores, all.alive, eligible, Math.min(target, prunable));
    let offset = 0;
    for (const layer of slots) {
      layer.alive.set(all.alive.subarray(offset, offset + layer.alive.length));
      offset += layer.alive.length;
    }
  }
  slots.forEach((layer, l) => unflattenLayer(start, layer.alive, l));
  return { masks: start, floorLimit };
}

interface Slots {
  scores: Float64Array;
  alive: Uint8Array;
}

/** Prunes the lowest-scoring eligible entries until `target` of the entries are pruned. */
function pruneLowest(scores: Float64Array, alive: Uint8Array, eligible: Uint8Array, target: number): void {
  const need = Math.max(0, target - (alive.length - count(alive)));
  for (const k of lowestScores(scores, eligible, need)) alive[k] = 0;
}

function count(flags: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < flags.length; k++) n += flags[k]!;
  return n;
}

function flattenLayer(masks: NetMasks, layerScores: LayerScores, l: number): Slots {
  const wMask = masks.weights[l]!;
  const bMask = masks.biases ? masks.biases[l]! : null;
  const n = wMask.length + (bMask ? bMask.length : 0);
  const scores = new Float64Array(n);
  const alive = new Uint8Array(n);
  scores.set(layerScores.w);
  for (let k = 0; k < wMask.length; k++) alive[k] = wMask[k]!;
  if (bMask) {
    scores.set(layerScores.b!, wMask.length);
    for (let o = 0; o < bMask.length; o++) alive[wMask.length + o] = bMask[o]!;
  }
  return { scores, alive };
}

function unflattenLayer(masks: NetMasks, alive: Uint8Array, l: number): void {
  const wMask = masks.weights[l]!;
  for (let k = 0; k < wMask.length; k++) wMask[k] = alive[k]!;
  const bMask = masks.biases ? masks.biases[l]! : null;
  if (bMask) for (let o = 0; o < bMask.length; o++) bMask[o] = alive[wMask.length + o]!;
}

function concatSlots(slots: Slots[]): Slots {
  const n = slots.reduce((s, layer) => s + layer.alive.length, 0);
  const scores = new Float64Array(n);
  const alive = new Uint8Array(n);
  let offset = 0;
  for (const layer of slots) {
    scores.set(layer.scores, offset);
    alive.set(layer.alive, offset);
    offset += layer.alive.length;
  }
  return { scores, alive };
}
