// `rlprune report` as text over summaries of real analyses: the sweet-spot table gains a per-seed
// line under each row whose group has two or more seeds, and nothing for one seed.
import { analyse, summarise, type GridPointResult } from '@rlprune/analysis';
import { describe, expect, it } from 'vitest';
import { reportText } from './report-summary';

/** A point of env E attacked by MAD at 0.1 whose episodes all return the given means. */
function point(seed: number, sparsity: number, clean: number, mad: number): GridPointResult {
  const result = (r: number) => ({ meanReturn: r, stdReturn: 0, medianReturn: r, minReturn: r, maxReturn: r, meanLength: 1000, returns: [r, r] });
  return {
    label: `${seed}/${sparsity}`, env: 'E', seed, kappa: 0, criterion: 'magnitude', mode: 'during', structured: false, sparsity, clean: result(clean),
    attacks: [{ attack: 'mad', epsilon: 0.1, result: result(mad) }],
    certify: [], parameterPath: null, training: [], maskUpdates: [],
  };
}

// Seed 1's own sweet spot is 30% (60% keeps only 80% of its clean return); seed 2, a weak dense run,
// keeps 150% everywhere and scores best at 60%. Seed 3 has no dense run and keeps 62.5% of the dense mean: none.
const seed1 = [point(1, 0, 1000, 400), point(1, 0.3, 980, 600), point(1, 0.6, 800, 900)];
const seed2 = [point(2, 0, 600, 300), point(2, 0.3, 900, 330), point(2, 0.6, 900, 600)];
const seed3 = [point(3, 0.3, 500, 300), point(3, 0.6, 400, 350)];

const text = (points: GridPointResult[], edit: (summary: Record<string, unknown>) => void = () => {}) => {
  const summary = JSON.parse(JSON.stringify(summarise(analyse(points)))) as Record<string, unknown>;
  edit(summary);
  return reportText({ htmlPath: 'r/report.html', csvPath: 'r/results.csv', jsonlPath: 'r/results.jsonl', summaryJson: JSON.stringify(summary) });
};

describe('reportText', () => {
  it("puts each seed's own sweet spot under the row when the group has two seeds", () => {
    const lines = text([...seed1, ...seed2]).split('\n');
    const row = lines.findIndex((l) => /^E +0 +magnitude +mad@0\.1 +0\.6 /.test(l));
    expect(row).toBeGreaterThan(0);
    expect(lines[row + 1]).toBe('    per seed: s1 30%, s2 60%');
  });

  it('names a pruning arm other than micro-pruning elementwise in the criterion column', () => {
    const oneShot = seed1.map((p) => ({ ...p, mode: 'one_shot' as const }));
    expect(text(oneShot)).toMatch(/^E +0 +magnitude one-shot +mad@0\.1 /m);
    expect(text(seed1)).toMatch(/^E +0 +magnitude +mad@0\.1 /m);
  });

  it('marks a seed without a sweet spot, lists its reason, and stars a seed without a dense run', () => {
    const out = text([...seed1, ...seed2, ...seed3]);
    expect(out).toContain('    per seed: s1 30%, s2 60%, s3* none [1]');
    expect(out).toContain('  [1] mad@0.1 seed 3: no sparsity keeps 95% of the dense clean return (best retention 0.625 at s=0.3)');
    expect(out).toContain('  * a seed without a dense run of its own, normalised by the dense seed mean');
  });

  it('adds nothing for one seed, nor for a summary written before per-seed sweet spots', () => {
    const one = text(seed1);
    expect(one).toMatch(/^E +0 +magnitude +mad@0\.1 +0\.3 /m);
    expect(one).not.toContain('per seed');
    const old = text([...seed1, ...seed2], (s) => {
      for (const spot of s.sweetSpots as Array<Record<string, unknown>>) delete spot.perSeed;
    });
    expect(old).toMatch(/^E +0 +magnitude +mad@0\.1 +0\.6 /m);
    expect(old).not.toContain('per seed');
  });
});
