// The paper's comparison figure and its overlays. Per (env, kappa, criterion, pruning arm) and per attack
// epsilon: return against sparsity, each seed's returns divided by its dense policy's clean return,
// the clean curve once and every attack at that epsilon on the same axes, the sweet spot(s) as a
// band. Overlays put criteria (or kappa values) of one env on one plot, clean solid and attacked
// dashed in the criterion's colour.

import { WORST_CASE_KEY } from './aggregate';
import type { Analysis, ConditionSummary, GroupAnalysis, RobustTarget } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { armName, criterionWithArm } from './pruning-arm';
import { figureId, groupName, type Figure, type FigureColours } from './report-figure';
import { atSparsity, BAND_NOTE, present, seedPoint, type SeedValue } from './report-series';
import { stat } from './stats';
import type { PlotBand, PlotHighlight, PlotSeries } from './svg/line-plot';

/** Whether the group's returns can be divided by a positive dense clean return (else raw returns are drawn). */
export function normalisable(g: GroupAnalysis): boolean {
  return g.conditions.some((c) => c.perSeed.some((s) => s.cleanNormalised !== null));
}

/** Each seed's clean return, divided by its dense clean return (or raw). */
export function cleanValues(c: ConditionSummary, normalised: boolean): SeedValue[] {
  return c.perSeed.flatMap((s) => {
    const v = normalised ? s.cleanNormalised : s.clean;
    return v === null ? [] : [{ seed: s.seed, value: v }];
  });
}

/** Each seed's return under target k, divided by its dense clean return (or raw). */
export function robustValues(c: ConditionSummary, k: number, normalised: boolean): SeedValue[] {
  return c.perSeed.flatMap((s) => {
    const r = s.robust[k]?.return ?? null;
    if (r === null || (normalised && s.cleanNormalised === null)) return [];
    return [{ seed: s.seed, value: normalised ? r / s.reference : r }];
  });
}

/**
 * The clean return with sampled actions (evaluation.sampled_clean), dashed in the clean colour; each
 * seed divided by its own dense sampled-action return (or raw). Empty when no seed has it.
 */
export function sampledCleanCurve(g: GroupAnalysis, normalised: boolean, colour: number): PlotSeries[] {
  const name = 'clean, sampled actions';
  const unit = normalised ? '× dense sampled clean' : 'return';
  const values = (c: ConditionSummary): SeedValue[] =>
    c.perSeed.flatMap((s) => {
      const v = normalised ? s.cleanSampledNormalised : s.cleanSampled;
      return v === undefined || v === null ? [] : [{ seed: s.seed, value: v }];
    });
  const points = present(g.conditions.map((c) => seedPoint(c.sparsity, values(c), atSparsity(`${name} (${unit})`, c.sparsity))));
  return points.length === 0 ? [] : [{ name, colour, dashed: true, points }];
}

export function cleanSeries(g: GroupAnalysis, normalised: boolean, name: string, colour: number, marker?: number): PlotSeries {
  const unit = normalised ? '× dense clean' : 'return';
  return {
    name,
    colour,
    marker,
    points: present(g.conditions.map((c) => seedPoint(c.sparsity, cleanValues(c, normalised), atSparsity(`${name} (${unit})`, c.sparsity)))),
  };
}

export function robustSeries(g: GroupAnalysis, k: number, normalised: boolean, name: string, colour: number, dashed = false, marker?: number): PlotSeries {
  const unit = normalised ? '× dense clean' : 'return';
  return {
    name,
    colour,
    marker,
    dashed,
    points: present(g.conditions.map((c) => seedPoint(c.sparsity, robustValues(c, k, normalised), atSparsity(`${name} (${unit})`, c.sparsity)))),
  };
}

/** Attacked epsilons of the group, ascending. */
export function attackEpsilons(g: GroupAnalysis): number[] {
  return [...new Set(g.targets.filter((t) => t.key !== WORST_CASE_KEY).map((t) => t.epsilon!))].sort((a, b) => a - b);
}

function yLabel(normalised: boolean): string {
  return normalised ? 'return / dense clean return' : 'mean episode return';
}

/** The sweet spots of the targets drawn in one figure: one band over their sparsities, a diamond on each curve. */
function sweetSpotMarks(g: GroupAnalysis, ks: readonly number[], normalised: boolean, keepFraction: number): { bands: PlotBand[]; highlights: PlotHighlight[]; notes: string[] } {
  const spots: Array<{ target: RobustTarget; sparsity: number; score: number; retention: number }> = [];
  const notes: string[] = [];
  for (const k of ks) {
    const target = g.targets[k]!;
    const result = g.sweetSpots[k];
    if (result?.spot) spots.push({ target, sparsity: result.spot.sparsity, score: result.spot.score, retention: result.spot.cleanRetention });
    else notes.push(`no sweet spot under ${target.attack}: ${result?.reason ?? 'not attacked'}`);
  }
  if (spots.length === 0) return { bands: [], highlights: [], notes };
  const lo = Math.min(...spots.map((s) => s.sparsity));
  const hi = Math.max(...spots.map((s) => s.sparsity));
  const label = lo === hi ? `sweet spot ${formatPercent(lo)}` : `sweet spots ${formatPercent(lo)}–${formatPercent(hi)}`;
  const detail = spots.map((s) => `${s.target.attack}: ${formatPercent(s.sparsity)} (score ${formatDisplay(s.score)}, keeps ${formatPercent(s.retention)} of dense clean)`);
  const bands: PlotBand[] = [
    {
      x0: lo,
      x1: hi,
      label,
      legend: `sweet spot (best score keeping ≥ ${formatPercent(keepFraction)} clean)`,
      className: 'sweet-spot',
      tooltip: `sweet spot per attack: ${detail.join('; ')}`,
    },
  ];
  const highlights: PlotHighlight[] = [];
  for (const s of spots) {
    const k = g.targets.indexOf(s.target);
    const c = g.conditions.find((cc) => cc.sparsity === s.sparsity);
    const y = c ? stat(robustValues(c, k, normalised).map((v) => v.value)) : null;
    if (y) highlights.push({ x: s.sparsity, y: y.mean, className: 'sweet-spot', tooltip: `sweet spot under ${s.target.label}: sparsity ${formatPercent(s.sparsity)}, score ${formatDisplay(s.score)}` });
  }
  return { bands, highlights, notes };
}

/** One figure per attacked epsilon (and one with the clean curve alone when nothing was attacked). */
export function comparisonFigures(analysis: Analysis, g: GroupAnalysis, colours: FigureColours): Figure[] {
  const normalised = normalisable(g);
  const epsilons = attackEpsilons(g);
  const worst = g.targets.findIndex((t) => t.key === WORST_CASE_KEY);
  const figures: Figure[] = [];
  const seeds = [...new Set(g.conditions.flatMap((c) => c.seeds))].sort((a, b) => a - b);
  const norm = analysis.options.normalise === 'dense_clean' ? 'the dense clean return' : "the dense policy's return under the same attack";
  const entries: Array<number | null> = epsilons.length === 0 ? [null] : epsilons;
  for (const eps of entries) {
    const ks = g.targets.flatMap((t, k) => (t.key !== WORST_CASE_KEY && t.epsilon === eps ? [k] : []));
    const series: PlotSeries[] = [cleanSeries(g, normalised, 'clean', colours.clean), ...sampledCleanCurve(g, normalised, colours.clean)];
    for (const k of ks) series.push(robustSeries(g, k, normalised, g.targets[k]!.attack, colours.attack(g.targets[k]!.attack)));
    // The worst case mixes budgets: drawn only when every attack has this one.
    if (worst >= 0 && epsilons.length === 1) series.push(robustSeries(g, worst, normalised, 'worst case', colours.attack(WORST_CASE_KEY), true));
    const marks = sweetSpotMarks(g, ks, normalised, analysis.options.keepFraction);
    const epsText = eps === null ? 'no attacks' : `attacks at ε = ${eps}`;
    figures.push({
      env: g.env,
      key: figureId('returns', g.env, g.kappa, g.criterion, eps ?? 'clean'),
      arm: armName(g),
      spec: {
        id: '',
        className: 'plot-returns plot-comparison',
        title: `${groupName(g)} · ${epsText}`,
        xLabel: 'sparsity',
        yLabel: yLabel(normalised),
        series,
        bands: marks.bands,
        highlights: marks.highlights,
        notes: [BAND_NOTE, ...marks.notes],
        formatX: formatPercent,
      },
      caption:
        `Clean return and the return under every attack at ε = ${eps ?? '–'} (L∞, normalised observation units) against sparsity` +
        (normalised ? ", each seed's returns divided by its dense policy's clean return" : ' (raw returns: the dense clean return is not positive)') +
        `; seeds ${seeds.join(', ')}, shaded ± 1 std.` +
        (g.conditions.some((c) => c.cleanSampled) ? ` Every return is of the mean action; the dashed clean line samples actions from the policy instead${normalised ? ", divided by the seed's dense sampled-action return" : ''}.` : '') +
        ` The band marks the sweet spot: the best score (normalised clean + normalised robust) / 2, robust normalised by ${norm}, among sparsities keeping ≥ ${formatPercent(analysis.options.keepFraction)} of the dense clean return.`,
    });
  }
  return figures;
}

/** Groups of one env that differ in one field only, for overlays (and the kappa sweep's figures). */
export function overlaySets(analysis: Analysis, vary: 'criterion' | 'kappa'): GroupAnalysis[][] {
  const sets = new Map<string, GroupAnalysis[]>();
  for (const g of analysis.groups) {
    // criteria overlays show every arm of the kappa (each member named with its arm); a kappa overlay is of one criterion and arm
    const key = JSON.stringify(vary === 'criterion' ? [g.env, g.kappa] : [g.env, g.criterion, g.mode, g.structured]);
    sets.set(key, [...(sets.get(key) ?? []), g]);
  }
  return [...sets.values()].filter((s) => s.length > 1);
}

/**
 * Criteria (vary = 'criterion') or kappa values (vary = 'kappa') of one env on one plot per attack
 * target: each member's clean curve solid and attacked curve dashed, in the member's colour.
 */
export function overlayFigures(analysis: Analysis, vary: 'criterion' | 'kappa'): Figure[] {
  const figures: Figure[] = [];
  for (const set of overlaySets(analysis, vary)) {
    const normalised = set.every(normalisable);
    const keys = [...new Set(set.flatMap((g) => g.targets.filter((t) => t.key !== WORST_CASE_KEY).map((t) => t.key)))];
    const first = set[0]!;
    const fixed = vary === 'criterion' ? `κ ${first.kappa}` : criterionWithArm(first);
    for (const key of keys) {
      const target = set.flatMap((g) => g.targets).find((t) => t.key === key)!;
      const series: PlotSeries[] = [];
      set.forEach((g, i) => {
        const member = vary === 'criterion' ? criterionWithArm(g) : `κ ${g.kappa}`;
        const k = g.targets.findIndex((t) => t.key === key);
        series.push(cleanSeries(g, normalised, `${member}: clean`, i, i));
        if (k >= 0) series.push(robustSeries(g, k, normalised, `${member}: ${target.attack}`, i, true, i));
      });
      figures.push({
        env: first.env,
        key: figureId('overlay', vary, first.env, vary === 'criterion' ? fixed : first.criterion, key),
        arm: vary === 'criterion' ? '' : armName(first),
        spec: {
          id: '',
          className: `plot-overlay plot-overlay-${vary}`,
          title: `${first.env} · ${fixed} · ${vary === 'criterion' ? 'criteria' : 'κ values'} · ${target.attack} at ε = ${target.epsilon}`,
          xLabel: 'sparsity',
          yLabel: yLabel(normalised),
          series,
          notes: [BAND_NOTE, 'solid: clean; dashed: attacked'],
          formatX: formatPercent,
        },
        caption: `${vary === 'criterion' ? 'Pruning criteria' : 'SA-regularisation strengths κ'} of ${first.env} side by side: clean return (solid) and return under ${target.label} (dashed) against sparsity${normalised ? ', divided by each run’s dense clean return' : ''}; shaded ± 1 std over seeds.`,
      });
    }
  }
  return figures;
}
