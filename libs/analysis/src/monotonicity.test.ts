import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { MAX_TRACE_POINTS, monotonicitySummary, traceIndices } from './monotonicity';
import { syntheticPoints } from './test-support/synthetic';
import type { GridPointResult, MaskUpdateRecord } from './types';

function update(k: number, before: number, after: number): MaskUpdateRecord {
  return { envSteps: 2048 * (1 + Math.floor(k / 20)), gradientStep: 15 * (k + 1), sparsity: k / 1000, before, after };
}

describe('monotonicity at mask updates', () => {
  it('counts updates and rises (exact comparison) and the largest relative rise', () => {
    const [base] = syntheticPoints({ sparsities: [0.5], seeds: [1] });
    const p = (seed: number, updates: MaskUpdateRecord[]): GridPointResult => ({ ...base!, seed, maskUpdates: updates });
    const m = monotonicitySummary(0.5, [
      p(1, [update(0, 10, 9), update(1, 9, 9), update(2, 9, 9.9)]),
      p(2, [update(0, 8, 8 + 1e-12), update(1, 0, 1)]),
    ])!;
    expect(m.updates).toBe(5);
    // 9 -> 9.9 (+10%), 8 -> 8 + 1e-12, 0 -> 1 (no ratio): three rises; an equal value is not one.
    expect(m.rises).toBe(3);
    expect(m.largestRelativeRise).toBeCloseTo(0.1, 12);
    expect(m.traces.map((t) => [t.seed, t.updates, t.downsampled, t.points.length])).toEqual([[1, 3, false, 3], [2, 2, false, 2]]);
  });

  it('is null without mask updates, and 0 rises for the synthetic trainings', () => {
    expect(monotonicitySummary(0, syntheticPoints({ sparsities: [0] }))).toBeNull();
    const g = analyse(syntheticPoints({ maskUpdates: 8 })).groups[0]!;
    expect(g.monotonicity.map((m) => m.sparsity)).toEqual([0.25, 0.5, 0.75, 0.9]);
    for (const m of g.monotonicity) expect([m.updates, m.rises, m.largestRelativeRise]).toEqual([24, 0, 0]);
  });

  it('keeps every rise and evenly spaced others when a seed has more updates than the trace holds', () => {
    const n = 5000;
    const updates = Array.from({ length: n }, (_, k) => (k === 1234 || k === 4321 ? update(k, 1, 2) : update(k, 2, 1)));
    const kept = traceIndices(updates);
    expect(kept).toContain(1234);
    expect(kept).toContain(4321);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(n - 1);
    expect(kept.length).toBeLessThanOrEqual(MAX_TRACE_POINTS);
    expect(new Set(kept).size).toBe(kept.length);
    expect(traceIndices(updates)).toEqual(kept); // deterministic
    // Given out of order, the trace comes back in training order.
    const [base] = syntheticPoints({ sparsities: [0.5], seeds: [1] });
    const m = monotonicitySummary(0.5, [{ ...base!, maskUpdates: [...updates].reverse() }])!;
    expect(m.traces[0]!.downsampled).toBe(true);
    expect(m.rises).toBe(2);
    const steps = m.traces[0]!.points.map((u) => u.gradientStep);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('warns when the surrogate rose at a mask update', () => {
    const points = syntheticPoints({ sparsities: [0, 0.5], seeds: [1] });
    points[1] = { ...points[1]!, maskUpdates: [update(0, 10, 9), update(1, 9, 9.9)] };
    const a = analyse(points);
    expect(a.warnings.some((w) => /s=0.5: the Lipschitz surrogate rose at 1 of 2 mask updates \(largest relative rise 0.1\)/.test(w))).toBe(true);
  });
});
