// What the report's figures hold, checked against the grid points themselves (not the analysis).
import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { formatNumber } from './format';
import { certificateFigures, MAX_DRAWN_UPDATES, monotonicityFigure } from './report-certificate-figures';
import { figureColours } from './report-figure';
import { renderReportHtml } from './report-html';
import { kappaSweepFigures, kappaSweepSets } from './report-kappa-figures';
import { allFigures } from './report-plots';
import { regretFigures } from './report-regret-figures';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
import { comparisonFigures, overlayFigures } from './report-returns-figures';
import { syntheticPoints } from './test-support/synthetic';

describe('report figures', () => {
  const points = syntheticPoints({
    criteria: ['magnitude', 'random'],
    sparsities: [0, 0.25, 0.5],
    seeds: [1, 2],
    attacks: [
      { attack: 'random', epsilon: 0.075 },
      { attack: 'mad', epsilon: 0.075 },
      { attack: 'mad', epsilon: 0.15 },
    ],
  });
  const analysis = analyse(points);
  const g = analysis.groups[0]!;
  const colours = figureColours([analysis]);

  it('draws one comparison figure per attack epsilon, each with the clean curve and only that epsilon’s attacks', () => {
    const figures = comparisonFigures(analysis, g, colours);
    expect(figures.map((f) => f.spec.title)).toEqual([`${g.env} · κ 0 · magnitude · attacks at ε = 0.075`, `${g.env} · κ 0 · magnitude · attacks at ε = 0.15`]);
    expect(figures[0]!.spec.series.map((s) => s.name)).toEqual(['clean', 'mad', 'random']);
    expect(figures[1]!.spec.series.map((s) => s.name)).toEqual(['clean', 'mad']);
  });

  it('plots each seed divided by its own dense clean return, with the seeds’ values in the tooltip', () => {
    const mad = comparisonFigures(analysis, g, colours)[0]!.spec.series.find((s) => s.name === 'mad')!;
    const at = (seed: number, sparsity: number) => points.find((p) => p.criterion === 'magnitude' && p.seed === seed && p.sparsity === sparsity)!;
    const values = [1, 2].map((seed) => at(seed, 0.25).attacks.find((a) => a.attack === 'mad' && a.epsilon === 0.075)!.result.meanReturn / at(seed, 0).clean.meanReturn);
    const p = mad.points.find((q) => q.x === 0.25)!;
    const mean = (values[0]! + values[1]!) / 2;
    const std = Math.abs(values[0]! - values[1]!) / Math.SQRT2;
    expect(p.y).toBeCloseTo(mean, 12);
    expect(p.lo!).toBeCloseTo(mean - std, 12);
    expect(p.hi!).toBeCloseTo(mean + std, 12);
    expect(p.tooltip).toContain(`seed 1: ${formatNumber(values[0]!, 6)}, seed 2: ${formatNumber(values[1]!, 6)}`);
    expect(p.tooltip).toContain(`: ${formatNumber(mean, 6)} ±`);
  });

  it('marks the sweet spot of every attack drawn', () => {
    const f = comparisonFigures(analysis, g, colours)[0]!;
    const spots = g.sweetSpots.filter((s, k) => g.targets[k]!.epsilon === 0.075 && s.spot).map((s) => s.spot!.sparsity);
    expect(spots.length).toBe(2);
    expect(f.spec.bands).toHaveLength(1);
    expect(f.spec.bands![0]!.x0).toBe(Math.min(...spots));
    expect(f.spec.bands![0]!.x1).toBe(Math.max(...spots));
    expect(f.spec.highlights).toHaveLength(2);
  });

  it('names the epsilon of every certificate figure and draws vacuous bounds hollow', () => {
    const figures = certificateFigures(g);
    for (const f of figures) expect(f.spec.title).toMatch(/ε = 0\.075|ε = 0\.15|any ε/);
    const tv015 = figures.find((f) => f.spec.title.endsWith('certified TV at ε = 0.15'))!;
    const surrogate = tv015.spec.series.find((s) => s.name === 'surrogate: global TV')!;
    for (const p of surrogate.points) {
      const vacuous = points.filter((q) => q.criterion === 'magnitude' && q.sparsity === p.x).every((q) => q.certify.find((c) => c.epsilon === 0.15)!.globalTv >= 0.999);
      expect(p.className === 'vacuous', `sparsity ${p.x}`).toBe(vacuous);
    }
    expect(surrogate.points.some((p) => p.className === 'vacuous')).toBe(true);
    expect(tv015.spec.referenceLines![0]!.y).toBe(1);
  });

  it('traces the surrogate before and after every mask update, one saw-tooth per pruned sparsity', () => {
    const f = monotonicityFigure(g)!;
    expect(f.spec.series).toHaveLength(2);
    const updates = points.find((p) => p.criterion === 'magnitude' && p.sparsity === 0.5 && p.seed === 1)!.maskUpdates;
    const series = f.spec.series[1]!;
    expect(series.points).toHaveLength(2 * updates.length);
    expect(series.points.filter((p) => p.className === 'before').map((p) => p.y)).toEqual(updates.map((u) => u.before));
    expect(series.name).toBe(`target 50%: ${updates.length * 2} updates over 2 seeds, 0 rises`);
  });

  it('draws a long trace thinned to MAX_DRAWN_UPDATES updates, keeping every rise and the last update', () => {
    const n = 3 * MAX_DRAWN_UPDATES + 10;
    const long = syntheticPoints({ sparsities: [0, 0.5], seeds: [1], maskUpdates: n }).map((p) =>
      p.sparsity === 0 ? p : { ...p, maskUpdates: p.maskUpdates.map((u, k) => (k === 7 ? { ...u, after: u.before * 1.01 } : u)) },
    );
    const f = monotonicityFigure(analyse(long).groups[0]!)!;
    const drawn = f.spec.series[0]!.points.filter((p) => p.className !== 'before');
    expect(drawn.length).toBeLessThanOrEqual(MAX_DRAWN_UPDATES + 2);
    expect(drawn.filter((p) => p.className === 'after rise').map((p) => p.x)).toEqual([long.find((p) => p.sparsity === 0.5)!.maskUpdates[7]!.envSteps]);
    expect(drawn.at(-1)!.x).toBe(long.find((p) => p.sparsity === 0.5)!.maskUpdates.at(-1)!.envSteps);
    expect(f.spec.series[0]!.name).toContain(`${n} updates over 1 seed, 1 rise`);
    expect(f.spec.notes).toContain('drawn: one update in 4, the last and every rise');
  });

  it('draws the regret decomposition under the correlation attack (MAD), one figure per epsilon, with the dense total as a line', () => {
    const figures = regretFigures(analysis, g);
    expect(figures.map((f) => f.key)).toEqual(['regret-Hopper-v4-0-magnitude-mad-0-075', 'regret-Hopper-v4-0-magnitude-mad-0-15']);
    const spec = figures[0]!.spec;
    expect(spec.series.map((s) => s.name)).toEqual(['total J* − J_attack', 'baseline clean regret', 'pruning loss', 'robustness gap']);
    // total = J* - J_attack(pruned), seed means, from the grid points themselves
    const jStar = Math.max(...[0, 0.25, 0.5].map((s) => mean(points.filter((p) => p.criterion === 'magnitude' && p.sparsity === s).map((p) => p.clean.meanReturn))));
    const madAt = (s: number) => mean(points.filter((p) => p.criterion === 'magnitude' && p.sparsity === s).map((p) => p.attacks.find((a) => a.attack === 'mad' && a.epsilon === 0.075)!.result.meanReturn));
    expect(spec.series[0]!.points.map((p) => p.x)).toEqual([0, 0.25, 0.5]);
    spec.series[0]!.points.forEach((p) => expect(p.y).toBeCloseTo(jStar - madAt(p.x), 6));
    expect(spec.referenceLines![0]!.y).toBeCloseTo(jStar - madAt(0), 6);
    // the three terms add up to the total at every sparsity
    for (const [i, p] of spec.series[0]!.points.entries()) expect(spec.series[1]!.points[i]!.y + spec.series[2]!.points[i]!.y + spec.series[3]!.points[i]!.y).toBeCloseTo(p.y, 6);
  });

  it('overlays the criteria of an env, clean solid and attacked dashed', () => {
    const figures = overlayFigures(analysis, 'criterion');
    expect(figures).toHaveLength(3); // one per attack target
    for (const f of figures) {
      expect(f.spec.series.map((s) => [s.name.split(':')[0], s.dashed === true])).toEqual([
        ['magnitude', false], ['magnitude', true], ['random', false], ['random', true],
      ]);
    }
    expect(overlayFigures(analysis, 'kappa')).toHaveLength(0);
  });
});

describe('a dense kappa sweep', () => {
  const sweep = syntheticPoints({ kappas: [0.5, 0, 0.3], sparsities: [0], seeds: [1, 2] });
  const analysis = analyse(sweep);
  const colours = figureColours([analysis]);

  it('is drawn against kappa: raw returns at each attack epsilon and certified robustness at each certified epsilon', () => {
    const figures = kappaSweepFigures(kappaSweepSets(analysis), colours);
    expect(figures.map((f) => f.key)).toEqual([
      'kappa-returns-Hopper-v4-magnitude-0-075',
      'kappa-certified-Hopper-v4-magnitude-0-075',
      'kappa-certified-Hopper-v4-magnitude-0-15',
    ]);
    const returns = figures[0]!.spec;
    expect(returns.series.map((s) => s.name)).toEqual(['clean', 'mad', 'random']);
    // the seed means of the raw returns, at ascending kappa
    const meanOf = (kappa: number, pick: (p: (typeof sweep)[number]) => number) => {
      const mine = sweep.filter((p) => p.kappa === kappa);
      return mine.reduce((a, p) => a + pick(p), 0) / mine.length;
    };
    expect(returns.series[0]!.points.map((p) => [p.x, p.y])).toEqual([0, 0.3, 0.5].map((k) => [k, meanOf(k, (p) => p.clean.meanReturn)]));
    const mad = (p: (typeof sweep)[number]) => p.attacks.find((a) => a.attack === 'mad')!.result.meanReturn;
    for (const [i, k] of [0, 0.3, 0.5].entries()) expect(returns.series[1]!.points[i]!.y).toBeCloseTo(meanOf(k, mad), 9);
    const crown = figures[1]!.spec.series.find((s) => s.name.startsWith('CROWN'))!;
    const tv = (p: (typeof sweep)[number]) => p.certify.find((c) => c.epsilon === 0.075)!.perState!.find((m) => m.method === 'crown')!.meanTv;
    for (const [i, k] of [0, 0.3, 0.5].entries()) expect(crown.points[i]!.y).toBeCloseTo(1 - meanOf(k, tv), 9);
  });

  it('replaces the kappa overlay against sparsity, which would have one x', () => {
    const keys = allFigures(analysis, colours).map((f) => f.key);
    expect(keys.filter((k) => k.startsWith('overlay-kappa'))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('kappa-'))).toHaveLength(3);
    // a kappa comparison across sparsities keeps its overlays and gets no sweep figure
    const curves = analyse(syntheticPoints({ kappas: [0, 0.3], sparsities: [0, 0.5], seeds: [1] }));
    const curveKeys = allFigures(curves, figureColours([curves])).map((f) => f.key);
    expect(curveKeys.some((k) => k.startsWith('overlay-kappa'))).toBe(true);
    expect(curveKeys.some((k) => k.startsWith('kappa-'))).toBe(false);
  });
});

describe('report of two pruning arms', () => {
  it('names the arm of a group that is not micro-pruning elementwise, and gives every figure its own element id', () => {
    const micro = syntheticPoints({ sparsities: [0, 0.5], seeds: [1] });
    const neuron = syntheticPoints({ sparsities: [0, 0.5], seeds: [1], arm: { mode: 'during', structured: true } });
    const both = [...micro, ...neuron];
    const html = renderReportHtml(analyse(both), both, { title: 'two arms' });
    expect(html).toContain('<h3>Hopper-v4, kappa 0, magnitude</h3>');
    expect(html).toContain('<h3>Hopper-v4, kappa 0, magnitude neuron</h3>');
    expect(html).toContain('>Hopper-v4 · κ 0 · magnitude neuron · attacks at ε = 0.075</title>');
    const ids = [...html.matchAll(/<svg [^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toContain('returns-Hopper-v4-0-magnitude-0-075-neuron');
    expect(new Set(ids).size).toBe(ids.length);
    // the criteria overlay of the kappa sets the two arms side by side, each named
    expect(html).toContain('data-series="magnitude neuron: clean"');
  });
});

