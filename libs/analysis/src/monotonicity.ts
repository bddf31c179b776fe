// Monotonicity along training (issue 15 item 5): the paper's theorem is about the pruning step, so
// the trainer records the Lipschitz surrogate immediately before and after every mask update, and
// here each condition counts the updates where it rose (expected: none).
//
// The comparison is exact (after > before, no tolerance). libs/certify's surrogate sums |w| and w^2
// in a fixed loop order over W ⊙ M; a mask update only turns some terms into exact zeros and leaves
// the others bit-identical. IEEE-754 addition, multiplication, sqrt, min and max are correctly
// rounded and therefore monotone, so a fixed-order sum of terms each no larger than before is no
// larger than before, and so is the product of the layer factors: float64 rounding cannot make a
// pruning step raise the surrogate. A recorded rise is a real change of the weights (a regrown
// weight, or training between the two readings), which is what this count is for.
//
// The trace keeps every update up to MAX_TRACE_POINTS per seed; beyond that it keeps every rise and
// evenly spaced others (first and last included), deterministically.

import type { MonotonicitySummary, MonotonicityTrace } from './analysis-types';
import type { GridPointResult, MaskUpdateRecord } from './types';

/** Most updates a seed's trace keeps for plotting. */
export const MAX_TRACE_POINTS = 2000;

export function rose(u: MaskUpdateRecord): boolean {
  return u.after > u.before;
}

/** Indices kept from n updates: every rise, plus evenly spaced others up to `limit` in all (first and last kept). */
export function traceIndices(updates: readonly MaskUpdateRecord[], limit = MAX_TRACE_POINTS): number[] {
  const n = updates.length;
  if (n <= limit) return updates.map((_, i) => i);
  const kept = new Set<number>();
  updates.forEach((u, i) => {
    if (rose(u)) kept.add(i);
  });
  const spaced = Math.max(2, limit - kept.size);
  for (let k = 0; k < spaced; k++) kept.add(Math.round((k * (n - 1)) / (spaced - 1)));
  return [...kept].sort((a, b) => a - b);
}

function trace(p: GridPointResult): MonotonicityTrace {
  // Training order, whatever order the ledger gave them in.
  const updates = [...p.maskUpdates].sort((a, b) => a.gradientStep - b.gradientStep || a.envSteps - b.envSteps);
  const kept = traceIndices(updates);
  return {
    seed: p.seed,
    updates: updates.length,
    downsampled: kept.length < updates.length,
    points: kept.map((i) => {
      const u = updates[i]!;
      return { envSteps: u.envSteps, gradientStep: u.gradientStep, sparsity: u.sparsity, before: u.before, after: u.after };
    }),
  };
}

/** Null when no seed of the condition recorded a mask update (dense or post-hoc pruned policies). */
export function monotonicitySummary(sparsity: number, points: readonly GridPointResult[]): MonotonicitySummary | null {
  const withUpdates = points.filter((p) => p.maskUpdates.length > 0);
  if (withUpdates.length === 0) return null;
  const all = withUpdates.flatMap((p) => p.maskUpdates);
  const rises = all.filter(rose);
  // A rise from 0 has no relative size; it is counted in `rises` and left out of the largest ratio.
  const ratios = rises.filter((u) => u.before > 0).map((u) => (u.after - u.before) / u.before);
  return {
    sparsity,
    updates: all.length,
    rises: rises.length,
    largestRelativeRise: ratios.reduce((a, b) => Math.max(a, b), 0),
    traces: withUpdates.map(trace),
  };
}
