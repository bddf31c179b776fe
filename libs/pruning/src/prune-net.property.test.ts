// The acceptance property: over 1,000 random nets and every criterion, scope and structure, pruning
// never raises the surrogate Lipschitz bound, reaches its target to within one weight per layer
// (one unit when structured), only shrinks masks, and gives the same mask for the same seed. Global
// element-wise pruning keeps the default layer floor (every unit its best incoming weight, every
// layer ceil(1%) of its weights), and stops at the floor, saying so, exactly when the target is
// beyond it.
// Violations are collected as strings so that one failing net prints what went wrong and where.
import { surrogateLipschitz } from '@rlprune/certify';
import type { Mlp } from '@rlprune/nn';
import { Rng, deriveSeed } from '@rlprune/random';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@rlprune/errors';
import { applyMasks, currentMasks, isUnitRemoved, removeUnit } from './masks';
import { CRITERIA, SCOPES, type Criterion, type Scope } from './options';
import { pruneNet, type NetPruneResult } from './prune-net';
import { cloneMlp, randomDims, randomGradients, randomMlp } from './testing/random-nets';

const NETS = 1000;

interface Case {
  criterion: Criterion;
  scope: Scope;
  structured: boolean;
}
const CASES: Case[] = CRITERIA.flatMap((criterion) =>
  SCOPES.flatMap((scope) => [false, true].map((structured) => ({ criterion, scope, structured }))),
);

function zeros(mask: Float32Array): number {
  let n = 0;
  for (let k = 0; k < mask.length; k++) if (mask[k] === 0) n++;
  return n;
}

function removedUnits(mlp: Mlp): number[] {
  const masks = mlp.layers.map((l) => l.mask);
  return mlp.layers.slice(0, -1).map((layer, l) => {
    let r = 0;
    for (let h = 0; h < layer.outDim; h++) if (isUnitRemoved(mlp, masks, l, h)) r++;
    return r;
  });
}

/** Which field structured pruning must refuse at this target (it would empty a hidden layer), if any. */
function structuredRefusal(mlp: Mlp, scope: Scope, sparsity: number): string | null {
  const hidden = mlp.layers.slice(0, -1).map((l) => l.outDim);
  if (hidden.length === 0) return sparsity > 0 ? 'structured' : null;
  if (scope === 'layer') return hidden.some((n) => Math.round(sparsity * n) >= n) ? 'sparsity' : null;
  const total = hidden.reduce((a, b) => a + b, 0);
  return Math.round(sparsity * total) > total - hidden.length ? 'sparsity' : null;
}

/** Alive weights of each row (output unit) of layer l. */
function aliveRows(layer: Mlp['layers'][number]): number[] {
  return Array.from({ length: layer.outDim }, (_, o) => {
    let n = 0;
    for (let j = 0; j < layer.inDim; j++) n += layer.mask[o * layer.inDim + j]!;
    return n;
  });
}

/** Weights the default floor keeps in a layer: one per row that has one, and at least ceil(1%) of the layer. */
function floorOf(layer: Mlp['layers'][number]): number {
  const rows = aliveRows(layer);
  const alive = rows.reduce((a, b) => a + b, 0);
  const perUnit = rows.filter((n) => n > 0).length;
  return Math.max(perUnit, Math.min(Math.ceil(0.01 * layer.w.length), alive));
}

/** Most weights global element-wise pruning may leave pruned: all but the floor of each layer. */
function floorCap(mlp: Mlp): number {
  return mlp.layers.reduce((s, l) => s + l.w.length - floorOf(l), 0);
}

/** The floor holds: rows keep a weight if they had one, layers keep their ceil(1%) (or all they had). */
function floorViolation(before: Mlp, after: Mlp): string | null {
  for (let l = 0; l < after.layers.length; l++) {
    const pre = aliveRows(before.layers[l]!);
    const got = aliveRows(after.layers[l]!);
    const o = pre.findIndex((n, i) => n > 0 && got[i] === 0);
    if (o >= 0) return `layer ${l} unit ${o} lost its last incoming weight`;
    const kept = got.reduce((a, b) => a + b, 0);
    const minimum = Math.min(Math.ceil(0.01 * after.layers[l]!.w.length), pre.reduce((a, b) => a + b, 0));
    if (kept < minimum) return `layer ${l} kept ${kept} weights, below its floor ${minimum}`;
  }
  return null;
}

/**
 * A random net with weights that are exactly zero, sometimes a hidden unit removed already, and
 * (for element-wise cases) single weights pruned already, as mid-training nets have.
 */
function netForCase(i: number) {
  const rng = new Rng(deriveSeed(2024, 'property', i));
  const mlp = randomMlp(rng, { dims: randomDims(rng), zeroFraction: 0.15 * rng.uniform() });
  if (mlp.layers.length > 1 && rng.uniform() < 0.3) {
    const l = rng.int(mlp.layers.length - 1);
    if (mlp.layers[l]!.outDim > 1) {
      const masks = currentMasks(mlp, false);
      removeUnit(mlp, masks, l, rng.int(mlp.layers[l]!.outDim));
      applyMasks(mlp, masks);
    }
  }
  const withPruned = cloneMlp(mlp);
  const prunedFraction = 0.1 * rng.uniform();
  for (const layer of withPruned.layers) {
    for (let k = 0; k < layer.w.length; k++) {
      if (rng.uniform() < prunedFraction) layer.mask[k] = layer.w[k] = 0;
    }
  }
  return { mlp, withPruned, sparsity: rng.uniform(), gradients: randomGradients(rng, mlp), seed: rng.int(1 << 30) };
}

/** Entry-wise invariants: binary masks, pruned weights exactly 0, kept ones untouched, masks only shrink. */
function entryViolation(before: Mlp, after: Mlp): string | null {
  for (let l = 0; l < after.layers.length; l++) {
    const a = after.layers[l]!;
    const b = before.layers[l]!;
    for (let k = 0; k < a.w.length; k++) {
      if (a.mask[k] !== 0 && a.mask[k] !== 1) return `layer ${l} mask[${k}] = ${a.mask[k]}`;
      if (a.mask[k] === 0 && a.w[k] !== 0) return `layer ${l} w[${k}] = ${a.w[k]} under mask 0`;
      if (a.mask[k] === 1 && a.w[k] !== b.w[k]) return `layer ${l} kept w[${k}] changed`;
      if (b.mask[k] === 0 && a.mask[k] !== 0) return `layer ${l} mask[${k}] grew back`;
    }
    for (let o = 0; o < a.b.length; o++) if (a.b[o] !== b.b[o]) return `layer ${l} bias ${o} changed`;
  }
  return null;
}

/**
 * Magnitude and saliency: no newly pruned weight scores above a kept one of the same scope group.
 * Under global scope the floor may keep a lower-scoring weight: each row's best weight (of those
 * alive before), and any weight of a layer whose 1% floor exceeds its rows, are left out of "kept".
 */
function rankingViolation(before: Mlp, after: Mlp, groups: number[][], c: Case, gradients: Float32Array[]): string | null {
  if (c.criterion === 'random') return null;
  const score = (l: number, k: number) =>
    Math.abs(before.layers[l]!.w[k]! * (c.criterion === 'saliency' ? gradients[l]![k]! : 1));
  const floored = (l: number, k: number): boolean => {
    if (c.scope !== 'global') return false;
    const layer = before.layers[l]!;
    if (Math.ceil(0.01 * layer.w.length) > aliveRows(layer).filter((n) => n > 0).length) return true;
    const o = Math.floor(k / layer.inDim);
    for (let j = 0; j < layer.inDim; j++) {
      const q = o * layer.inDim + j;
      if (q !== k && layer.mask[q] === 1 && (score(l, q) > score(l, k) || (score(l, q) === score(l, k) && q < k))) return false;
    }
    return true;
  };
  for (const group of groups) {
    let prunedMax = -Infinity;
    let keptMin = Infinity;
    for (const l of group) {
      const a = after.layers[l]!;
      for (let k = 0; k < a.w.length; k++) {
        if (before.layers[l]!.mask[k] === 0) continue;
        if (a.mask[k] === 0) prunedMax = Math.max(prunedMax, score(l, k));
        else if (!floored(l, k)) keptMin = Math.min(keptMin, score(l, k));
      }
    }
    if (prunedMax > keptMin) return `layers ${group}: pruned a weight scoring ${prunedMax} but kept one scoring ${keptMin}`;
  }
  return null;
}

function unstructuredViolation(
  before: Mlp,
  after: Mlp,
  c: Case,
  sparsity: number,
  result: NetPruneResult,
  gradients: Float32Array[],
): string | null {
  const pre = before.layers.map((l) => zeros(l.mask));
  const got = after.layers.map((l) => zeros(l.mask));
  const sizes = after.layers.map((l) => l.w.length);
  const groups = c.scope === 'layer' ? sizes.map((_, l) => [l]) : [sizes.map((_, l) => l)];
  // global scope stops at the floor, and says so exactly then
  const cap = c.scope === 'global' ? floorCap(before) : Infinity;
  if (c.scope === 'global') {
    const asked = Math.round(sparsity * sizes.reduce((a, b) => a + b, 0));
    if ((result.floorLimit !== null) !== asked > cap) return `floorLimit ${JSON.stringify(result.floorLimit)} for ${asked} asked, cap ${cap}`;
    if (result.floorLimit && result.floorLimit.pruned !== cap) return `floorLimit says ${result.floorLimit.pruned} pruned, cap ${cap}`;
  }
  for (const group of groups) {
    const sum = (xs: number[]) => group.reduce((s, l) => s + xs[l]!, 0);
    const target = Math.min(cap, Math.round(sparsity * sum(sizes)));
    if (sum(got) !== Math.max(target, sum(pre))) return `layers ${group}: pruned ${sum(got)}, target ${target}, before ${sum(pre)}`;
    if (sum(pre) <= target && target < cap && Math.abs(sum(got) - sparsity * sum(sizes)) > 1) return `layers ${group}: more than one weight off`;
  }
  const ranking = rankingViolation(before, after, groups, c, gradients);
  if (ranking) return ranking;
  if (c.scope === 'global') {
    const floor = floorViolation(before, after);
    if (floor) return floor;
  }
  const overall = got.reduce((a, b) => a + b, 0) / sizes.reduce((a, b) => a + b, 0);
  if (Math.abs(result.sparsity - overall) > 1e-12) return `reported sparsity ${result.sparsity}, actual ${overall}`;
  return null;
}

function structuredViolation(before: Mlp, after: Mlp, c: Case, sparsity: number, result: NetPruneResult): string | null {
  const pre = removedUnits(before);
  const got = removedUnits(after);
  const widths = after.layers.slice(0, -1).map((l) => l.outDim);
  if (got.some((r, l) => r >= widths[l]!)) return `a hidden layer lost its last unit: ${got} of ${widths}`;
  const groups = c.scope === 'layer' ? widths.map((_, l) => [l]) : widths.length ? [widths.map((_, l) => l)] : [];
  for (const group of groups) {
    const sum = (xs: number[]) => group.reduce((s, l) => s + xs[l]!, 0);
    const target = Math.round(sparsity * sum(widths));
    if (sum(got) !== Math.max(target, sum(pre))) return `hidden layers ${group}: removed ${sum(got)}, target ${target}`;
    if (sum(pre) <= target && Math.abs(sum(got) - sparsity * sum(widths)) > 1) return `layers ${group}: more than one unit off`;
  }
  if (result.units.map((u) => u.removed).join() !== got.join()) return `reported units ${JSON.stringify(result.units)}`;
  // Every newly masked weight belongs to a removed unit: input and output dimensions are never cut.
  const masks = after.layers.map((l) => l.mask);
  for (let l = 0; l < after.layers.length; l++) {
    const layer = after.layers[l]!;
    for (let o = 0; o < layer.outDim; o++) {
      for (let j = 0; j < layer.inDim; j++) {
        const k = o * layer.inDim + j;
        if (layer.mask[k] === 1 || before.layers[l]!.mask[k] === 0) continue;
        const rowGone = l < after.layers.length - 1 && isUnitRemoved(after, masks, l, o);
        const colGone = l > 0 && isUnitRemoved(after, masks, l - 1, j);
        if (!rowGone && !colGone) return `layer ${l} weight (${o}, ${j}) masked outside any removed unit`;
      }
    }
  }
  return null;
}

describe('pruneNet over 1,000 random nets', () => {
  it.each(CASES)(
    '$criterion, $scope scope, structured $structured: never raises the surrogate bound, meets the target, only shrinks masks, repeats per seed',
    (c) => {
      const violations: string[] = [];
      let pruned = 0;
      let refused = 0;
      for (let i = 0; i < NETS && violations.length < 5; i++) {
        const { mlp, withPruned, sparsity, gradients, seed } = netForCase(i);
        const original = c.structured ? mlp : withPruned;
        const net = cloneMlp(original);
        const options = { ...c, sparsity, seed, gradients };
        const where = `net ${i} sparsity ${sparsity}`;
        const refusal = c.structured ? structuredRefusal(original, c.scope, sparsity) : null;
        if (refusal) {
          let err: unknown;
          try {
            pruneNet(net, options);
          } catch (e) {
            err = e;
          }
          refused++;
          if (!(err instanceof InvalidArgumentError) || err.field !== refusal) {
            violations.push(`${where}: expected refusal on ${refusal}, got ${String(err)}`);
          } else if (net.layers.some((l, k) => l.mask.join() !== original.layers[k]!.mask.join())) {
            violations.push(`${where}: refused call changed the net`);
          }
          continue;
        }
        const result = pruneNet(net, options);
        pruned++;
        // The paper's guarantee: zeroing entries never raises the surrogate bound.
        const boundBefore = surrogateLipschitz(original);
        const boundAfter = surrogateLipschitz(net);
        if (!(boundAfter <= boundBefore)) violations.push(`${where}: bound rose from ${boundBefore} to ${boundAfter}`);
        const v =
          entryViolation(original, net) ??
          (c.structured
            ? structuredViolation(original, net, c, sparsity, result)
            : unstructuredViolation(original, net, c, sparsity, result, gradients));
        if (v) violations.push(`${where}: ${v}`);
        const again = cloneMlp(original);
        pruneNet(again, options);
        if (again.layers.some((layer, l) => layer.mask.join() !== net.layers[l]!.mask.join())) {
          violations.push(`${where}: same seed, different mask`);
        }
      }
      expect(violations).toEqual([]);
      // Refusals (targets that would empty a tiny hidden layer, or nets without one) must not crowd
      // out the cases that actually prune.
      expect(pruned).toBeGreaterThan(refused);
      if (!c.structured) expect(refused).toBe(0);
    },
    30_000,
  );
});
