// The sampled-action clean return (evaluation.sampled_clean) beside the mean-action one: analysed per
// seed and condition, normalised by the same seed's dense sampled-action return, exported, shown in
// the report's table, the kappa figure and the pruning curve's figure, and absent everywhere when no point has it.
import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { toCsv } from './export-csv';
import { toJsonl } from './export-jsonl';
import { formatNumber } from './format';
import { figureColours } from './report-figure';
import { renderReportHtml } from './report-html';
import { kappaSweepFigures, kappaSweepSets } from './report-kappa-figures';
import { comparisonFigures } from './report-returns-figures';
import { parseCsv } from './test-support/csv';
import { evalOf, syntheticPoints } from './test-support/synthetic';
import type { GridPointResult } from './types';

/** A sampled return that differs from the mean-action one by an amount unique to each point. */
const sampledOf = (p: GridPointResult): number => p.clean.meanReturn * 0.8 + p.seed * 13 + p.sparsity * 100 + p.kappa * 50;
const withSampled = (points: GridPointResult[]): GridPointResult[] => points.map((p) => ({ ...p, cleanSampled: evalOf(sampledOf(p)) }));

const csvBody = (text: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('sampled-action clean evaluation', () => {
  const curve = withSampled(syntheticPoints({ sparsities: [0, 0.5], seeds: [1, 2, 3] }));
  const analysis = analyse(curve);
  const group = analysis.groups[0]!;

  it("gives each seed its sampled return and its ratio to that seed's dense sampled return", () => {
    for (const c of group.conditions) {
      for (const s of c.perSeed) {
        const point = curve.find((p) => p.seed === s.seed && p.sparsity === c.sparsity)!;
        const dense = curve.find((p) => p.seed === s.seed && p.sparsity === 0)!;
        expect(s.cleanSampled).toBe(sampledOf(point));
        expect(s.cleanSampledNormalised).toBeCloseTo(sampledOf(point) / sampledOf(dense), 12);
      }
      const values = c.perSeed.map((s) => s.cleanSampled!);
      expect(c.cleanSampled!.mean).toBeCloseTo(values.reduce((a, v) => a + v, 0) / values.length, 9);
      expect(c.cleanSampled!.n).toBe(3);
    }
    expect(group.conditions[0]!.cleanSampledNormalised!.mean).toBeCloseTo(1, 12);
  });

  it('leaves the ratio out for a seed whose dense point was not evaluated so', () => {
    const partial = curve.map((p) => (p.seed === 2 && p.sparsity === 0 ? { ...p, cleanSampled: undefined } : p));
    const pruned = analyse(partial).groups[0]!.conditions[1]!;
    expect(pruned.perSeed.find((s) => s.seed === 2)!.cleanSampledNormalised).toBeNull();
    expect(pruned.cleanSampledNormalised!.n).toBe(2);
    expect(analyse(partial).groups[0]!.conditions[0]!.cleanSampled!.n).toBe(2);
  });

  it('exports it per point, per seed and per condition, and gives it back from the JSONL', () => {
    const rows = csvBody(toCsv(analysis, curve));
    const p = curve.find((x) => x.seed === 3 && x.sparsity === 0.5)!;
    const at = (r: Record<string, string>) => r.sparsity === '0.5' && r.seed === '3';
    expect(rows.find((r) => r.record === 'point' && at(r) && r.metric === 'cleanSampled.meanReturn')!.value).toBe(formatNumber(sampledOf(p)));
    expect(rows.find((r) => r.record === 'seed-score' && at(r) && r.metric === 'cleanSampled')!.value).toBe(formatNumber(sampledOf(p)));
    const condition = group.conditions[1]!;
    const mean = rows.find((r) => r.record === 'condition' && r.sparsity === '0.5' && r.metric === 'cleanSampledNormalised' && r.stat === 'mean')!;
    expect(mean.value).toBe(formatNumber(condition.cleanSampledNormalised!.mean));
    const points = toJsonl(analysis, curve).split('\n').filter((l) => l.includes('"type":"point"')).map((l) => JSON.parse(l) as GridPointResult);
    expect(points.find((x) => x.label === p.label)!.cleanSampled).toEqual(p.cleanSampled);
  });

  it('sits beside the clean return in the report table, and is nowhere when no point has it', () => {
    expect(renderReportHtml(analysis, curve, { title: 'sampled' })).toContain('<th>clean, sampled actions</th>');
    const plain = syntheticPoints({ sparsities: [0, 0.5], seeds: [1, 2, 3] });
    const plainAnalysis = analyse(plain);
    expect(renderReportHtml(plainAnalysis, plain, { title: 'plain' })).not.toContain('sampled actions');
    expect(toCsv(plainAnalysis, plain)).not.toContain('cleanSampled');
    expect(toJsonl(plainAnalysis, plain)).not.toContain('cleanSampled');
  });

  it('is a dashed clean line in the kappa sweep figure', () => {
    const sweep = withSampled(syntheticPoints({ kappas: [0, 0.3, 0.7], sparsities: [0], seeds: [1, 2] }));
    const sweepAnalysis = analyse(sweep);
    const returns = kappaSweepFigures(kappaSweepSets(sweepAnalysis), figureColours([sweepAnalysis]))[0]!;
    const line = returns.spec.series.find((s) => s.name === 'clean, sampled actions')!;
    expect(line.dashed).toBe(true);
    const meanAt = (kappa: number) => sweep.filter((p) => p.kappa === kappa).reduce((a, p) => a + sampledOf(p), 0) / 2;
    expect(line.points.map((pt) => pt.x)).toEqual([0, 0.3, 0.7]);
    for (const pt of line.points) expect(pt.y).toBeCloseTo(meanAt(pt.x), 9);
    expect(returns.caption).toContain('dashed clean line samples actions');
  });

  it("is a dashed clean line in the pruning curve's figure, each seed divided by its dense sampled return", () => {
    const figure = comparisonFigures(analysis, group, figureColours([analysis]))[0]!;
    const line = figure.spec.series.find((s) => s.name === 'clean, sampled actions')!;
    expect(line.dashed).toBe(true);
    const ratioAt = (sparsity: number) =>
      [1, 2, 3].reduce((a, seed) => {
        const at = (x: number) => sampledOf(curve.find((p) => p.seed === seed && p.sparsity === x)!);
        return a + at(sparsity) / at(0);
      }, 0) / 3;
    expect(line.points.map((pt) => pt.x)).toEqual([0, 0.5]);
    for (const pt of line.points) expect(pt.y).toBeCloseTo(ratioAt(pt.x), 12);
    expect(figure.caption).toContain('dashed clean line samples actions');
    const plain = analyse(syntheticPoints({ sparsities: [0, 0.5], seeds: [1, 2, 3] }));
    const plainFigure = comparisonFigures(plain, plain.groups[0]!, figureColours([plain]))[0]!;
    expect(plainFigure.spec.series.map((s) => s.name)).not.toContain('clean, sampled actions');
    expect(plainFigure.caption).not.toContain('sampled');
  });

  it('refuses a sampled evaluation that is not a finite summary, naming the field', () => {
    const bad = curve.map((p, i) => (i === 0 ? { ...p, cleanSampled: { ...p.cleanSampled!, meanReturn: NaN } } : p));
    expect(() => analyse(bad)).toThrow(/points\[\d+\]\.cleanSampled\.meanReturn/);
  });
});
