// Structured pruning by neuron: removing hidden unit h of layer l zeroes row h of W_l (what computes
// the unit), column h of W_l+1 (what reads it) and, when biases are pruned, b_l[h]. Input and output
// dimensions are never touched, and no hidden layer ever loses its last unit. The target counts
// removed hidden units (row and column fully masked): "layer" scope removes round(sparsity * n_l)
// units of every hidden layer, "global" round(sparsity * sum n_l) units ranked together. Units
// already removed stay removed and count toward the target. Only entries are zeroed, so the
// surrogate Lipschitz bound cannot rise.
//
// Units are removed one at a time, lowest score first, because a removal can finish off a
// neighbour: a unit of layer l-1 whose only unmasked outgoing weights fed the removed unit (or a
// unit of layer l+1 whose only unmasked incoming weights came from it) is removed too, and counts.
// That only happens after earlier element-wise pruning; on its own, structured pruning removes
// exactly the units it picks.
import type { Mlp } from '@rlprune/nn';
import { InvalidArgumentError } from '@rlprune/errors';
import { isUnitRemoved, removeUnit, type NetMasks } from './masks';
import type { Scope } from './options';

/**
 * Returns `start` with the chosen units removed (it is modified in place). `layerName(l)` names
 * layers in error messages. Throws, leaving the net alone, when the target cannot be met.
 */
export function planStructured(
  mlp: Mlp,
  start: NetMasks,
  unitScores: Float64Array[],
  scope: Scope,
  sparsity: number,
  layerName: (l: number) => string,
): NetMasks {
  const hiddenLayers = mlp.layers.length - 1;
  if (hiddenLayers === 0) {
    if (sparsity > 0) {
      throw new InvalidArgumentError(
        'structured',
        'needs a net with at least one hidden layer (output units are never removed), got a net with 1 layer',
      );
    }
    return start;
  }
  const units = new UnitState(mlp, start);
  if (scope === 'layer') {
    for (let l = 0; l < hiddenLayers; l++) {
      const n = mlp.layers[l]!.outDim;
      const target = Math.round(sparsity * n);
      if (target >= n) {
        throw new InvalidArgumentError(
          'sparsity',
          `a sparsity below ${(n - 0.5) / n} (structured pruning must keep at least one unit of hidden layer ${layerName(l)}, ${n} units)`,
          `${sparsity}, which removes all ${n}`,
        );
      }
      const order = byScore(unitScores, [l]);
      for (const { h } of order) {
        if (units.removedIn(l) >= target) break;
        units.tryRemove(l, h);
      }
      if (units.removedIn(l) < target) {
        throw new InvalidArgumentError(
          'sparsity',
          `${sparsity} asks for ${target} of the ${n} units of hidden layer ${layerName(l)}, but only ` +
            `${units.removedIn(l)} can go without emptying a layer (earlier element-wise pruning left them fragile)`,
        );
      }
    }
  } else {
    const total = unitScores.reduce((s, scores) => s + scores.length, 0);
    const target = Math.round(sparsity * total);
    const order = byScore(unitScores, unitScores.map((_, l) => l));
    for (const { l, h } of order) {
      if (units.removedTotal() >= target) break;
      units.tryRemove(l, h);
    }
    if (units.removedTotal() < target) {
      const removable = total - hiddenLayers;
      throw new InvalidArgumentError(
        'sparsity',
        `a sparsity below ${(removable + 0.5) / total} (structured pruning must keep at least one unit of every hidden layer, ` +
          `so at most ${removable} of ${total} hidden units can go)`,
        `${sparsity}, which asks for ${target}`,
      );
    }
  }
  units.finish();
  return start;
}

/** Units of the given hidden layers, lowest score first; ties by layer, then unit. */
function byScore(unitScores: Float64Array[], layers: number[]): Array<{ l: number; h: number }> {
  const all: Array<{ l: number; h: number; score: number }> = [];
  for (const l of layers) unitScores[l]!.forEach((score, h) => all.push({ l, h, score }));
  all.sort((a, b) => a.score - b.score || a.l - b.l || a.h - b.h);
  return all;
}

/** Which hidden units are removed in `masks`, kept current as units are removed. */
class UnitState {
  private readonly removed: Uint8Array[];
  private readonly hiddenLayers: number;

  constructor(
    private readonly mlp: Mlp,
    private readonly masks: NetMasks,
  ) {
    this.hiddenLayers = mlp.layers.length - 1;
    this.removed = mlp.layers.slice(0, -1).map((layer) => new Uint8Array(layer.outDim));
    for (let l = 0; l < this.hiddenLayers; l++) this.recount(l);
  }

  removedIn(l: number): number {
    return this.removed[l]!.reduce((s, r) => s + r, 0);
  }

  removedTotal(): number {
    let s = 0;
    for (let l = 0; l < this.hiddenLayers; l++) s += this.removedIn(l);
    return s;
  }

  /** Removes unit h of layer l unless it is gone already or its removal would empty a hidden layer. */
  tryRemove(l: number, h: number): boolean {
    if (this.removed[l]![h] === 1) return false;
    const touched = [l - 1, l, l + 1].filter((k) => k >= 0 && k < this.hiddenLayers);
    const saved = this.snapshot(l);
    removeUnit(this.mlp, this.masks, l, h);
    touched.forEach((k) => this.recount(k));
    if (touched.some((k) => this.removedIn(k) === this.removed[k]!.length)) {
      this.restore(l, saved);
      touched.forEach((k) => this.recount(k));
      return false;
    }
    return true;
  }

  /** Applies every removal again so units that died as neighbours also lose their bias. */
  finish(): void {
    this.removed.forEach((flags, l) => {
      for (let h = 0; h < flags.length; h++) if (flags[h] === 1) removeUnit(this.mlp, this.masks, l, h);
    });
  }

  private recount(l: number): void {
    const flags = this.removed[l]!;
    for (let h = 0; h < flags.length; h++) flags[h] = isUnitRemoved(this.mlp, this.masks.weights, l, h) ? 1 : 0;
  }

  private snapshot(l: number): Float32Array[] {
    const saved = [this.masks.weights[l]!.slice(), this.masks.weights[l + 1]!.slice()];
    if (this.masks.biases) saved.push(this.masks.biases[l]!.slice());
    return saved;
  }

  private restore(l: number, saved: Float32Array[]): void {
    this.masks.weights[l]!.set(saved[0]!);
    this.masks.weights[l + 1]!.set(saved[1]!);
    if (this.masks.biases) this.masks.biases[l]!.set(saved[2]!);
  }
}
