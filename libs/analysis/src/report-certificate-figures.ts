// Certificates against sparsity, each at one epsilon named in its title: the global TV bound of the
// Lipschitz surrogate and each per-state method's mean TV bound (a vacuous bound drawn hollow and
// named in its tooltip, with TV = 1 drawn as the line where a bound says nothing), each method's
// certified radius against the attack budget, and the epsilon-free Lipschitz bounds. Also the
// monotonicity trace: the surrogate immediately before and after every mask update in training.

import type { CertifySummary, ConditionSummary, GroupAnalysis } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { armName } from './pruning-arm';
import { figureId, groupName, type Figure } from './report-figure';
import { atSparsity, BAND_NOTE, present, seedPoint, statPoint } from './report-series';
import type { Stat } from './stats';
import type { PlotPoint, PlotSeries } from './svg/line-plot';

/** Certified epsilons of the group, ascending. */
export function certifiedEpsilons(g: GroupAnalysis): number[] {
  return [...new Set(g.conditions.flatMap((c) => c.certificates.map((cs) => cs.epsilon.mean)))].sort((a, b) => a - b);
}

function at(c: ConditionSummary, eps: number): CertifySummary | null {
  return c.certificates.find((cs) => cs.epsilon.mean === eps) ?? null;
}

/** 'vacuous' or 'constant' when every seed's bound is so; the per-seed labels for the tooltip. */
function labelOf(cs: CertifySummary, method: string): { className: string | undefined; text: string } {
  const labels = cs.methods.find((m) => m.method === method)?.labels ?? [];
  const odd = cs.seeds.flatMap((seed, i) => (labels[i] && labels[i] !== 'ok' ? [`seed ${seed} ${labels[i]}`] : []));
  const all = labels.length > 0 && labels.every((l) => l === labels[0]) ? labels[0] : null;
  return { className: all === 'vacuous' || all === 'constant' ? all : undefined, text: odd.join(', ') };
}

function certPoint(c: ConditionSummary, cs: CertifySummary, s: Stat | null, name: string, method: string | null): PlotPoint | null {
  const label = method === null ? { className: undefined, text: '' } : labelOf(cs, method);
  const p = statPoint(c.sparsity, s, atSparsity(name, c.sparsity), cs.seeds, label.text);
  return p && label.className ? { ...p, className: label.className } : p;
}

/** TV bounds at one epsilon: the surrogate's global TV and each per-state method's mean TV. */
function tvFigure(g: GroupAnalysis, eps: number): Figure {
  const certified = g.conditions.flatMap((c) => (at(c, eps) ? [{ c, cs: at(c, eps)! }] : []));
  const methods = [...new Set(certified.flatMap(({ cs }) => cs.perState.map((ps) => ps.method)))];
  const series: PlotSeries[] = [
    { name: 'surrogate: global TV', colour: 0, points: present(certified.map(({ c, cs }) => certPoint(c, cs, cs.globalTv, 'surrogate global TV', 'surrogate'))) },
    ...methods.map((m, i) => ({
      name: `${m.toUpperCase()}: mean TV over states`,
      colour: 1 + i,
      points: present(certified.map(({ c, cs }) => certPoint(c, cs, cs.perState.find((ps) => ps.method === m)?.meanTv ?? null, `${m.toUpperCase()} mean TV`, m))),
    })),
  ];
  return {
    env: g.env,
    key: figureId('tv', g.env, g.kappa, g.criterion, eps),
    arm: armName(g),
    spec: {
      id: '',
      className: 'plot-bounds plot-tv',
      title: `${groupName(g)} · certified TV at ε = ${eps}`,
      xLabel: 'sparsity',
      yLabel: 'TV bound over the ε-ball',
      series,
      referenceLines: [{ y: 1, legend: 'TV = 1: says nothing (≥ 0.999 is vacuous; hollow markers)', className: 'vacuous-line' }],
      notes: [BAND_NOTE],
      formatX: formatPercent,
    },
    caption: `Bounds on the total-variation distance between the action distributions at an observation and at any observation within ε = ${eps} of it (L∞, normalised units), against sparsity. Lower is more robust; a hollow marker is a vacuous bound (TV ≥ 0.999, nothing certified) or a constant policy.`,
  };
}

/** Certified radius of each per-state method (stage at one epsilon) against the attack budget. */
function radiusFigure(g: GroupAnalysis, eps: number): Figure | null {
  const certified = g.conditions.flatMap((c) => (at(c, eps) ? [{ c, cs: at(c, eps)! }] : []));
  const methods = [...new Set(certified.flatMap(({ cs }) => cs.perState.filter((ps) => ps.meanCertifiedRadius !== null).map((ps) => ps.method)))];
  if (methods.length === 0) return null;
  const series: PlotSeries[] = methods.map((m, i) => ({
    name: `${m.toUpperCase()}: mean certified radius`,
    colour: 1 + i,
    points: present(certified.map(({ c, cs }) => certPoint(c, cs, cs.perState.find((ps) => ps.method === m)?.meanCertifiedRadius ?? null, `${m.toUpperCase()} certified radius`, m))),
  }));
  return {
    env: g.env,
    key: figureId('radius', g.env, g.kappa, g.criterion, eps),
    arm: armName(g),
    spec: {
      id: '',
      className: 'plot-bounds plot-radius',
      title: `${groupName(g)} · certified radius (certify stage at ε = ${eps})`,
      xLabel: 'sparsity',
      yLabel: 'mean certified L∞ radius',
      series,
      referenceLines: [{ y: eps, legend: `attack budget ε = ${eps}`, className: 'epsilon-line' }],
      notes: [BAND_NOTE],
      formatX: formatPercent,
    },
    caption: `Mean over sampled states of the largest L∞ radius at which each method's TV bound stays within the stage's threshold, from the certify stage at ε = ${eps}; above the ε line, the typical state is certified against this attack budget.`,
  };
}

/** The epsilon-free Lipschitz bounds (taken from the first certified epsilon). */
function lipschitzFigure(g: GroupAnalysis): Figure | null {
  const certified = g.conditions.flatMap((c) => (c.certificates[0] ? [{ c, cs: c.certificates[0] }] : []));
  if (certified.length === 0) return null;
  return {
    env: g.env,
    key: figureId('lipschitz', g.env, g.kappa, g.criterion),
    arm: armName(g),
    spec: {
      id: '',
      className: 'plot-bounds plot-lipschitz',
      title: `${groupName(g)} · Lipschitz bounds (any ε)`,
      xLabel: 'sparsity',
      yLabel: 'bound on the actor Lipschitz constant',
      series: [
        { name: 'Lipschitz surrogate', colour: 0, points: present(certified.map(({ c, cs }) => certPoint(c, cs, cs.lipschitzSurrogate, 'surrogate', 'surrogate'))) },
        { name: 'spectral product', colour: 2, points: present(certified.map(({ c, cs }) => certPoint(c, cs, cs.spectralProduct, 'spectral product', null))) },
      ],
      notes: [BAND_NOTE],
      formatX: formatPercent,
    },
    caption: 'Products over layers of per-layer norms (surrogate: min(‖W‖_F, √(‖W‖₁‖W‖∞)); spectral: ‖W‖₂), which bound how fast the action mean moves with the observation; they do not depend on ε.',
  };
}

/** Certificate figures of a group: Lipschitz bounds, then per epsilon the TV bounds and the radius. */
export function certificateFigures(g: GroupAnalysis): Figure[] {
  const figures: Figure[] = [];
  const lip = lipschitzFigure(g);
  if (lip) figures.push(lip);
  for (const eps of certifiedEpsilons(g)) {
    figures.push(tvFigure(g, eps));
    const radius = radiusFigure(g, eps);
    if (radius) figures.push(radius);
  }
  return figures;
}

/**
 * Updates drawn per target sparsity at most (two markers each); beyond it evenly spaced updates and
 * every rise are drawn, so a long training stays a page a browser opens quickly. Counts cover all.
 */
export const MAX_DRAWN_UPDATES = 250;

/**
 * The surrogate immediately before and after every mask update, one saw-tooth per target sparsity
 * (seed means at each update; training between updates grows it, an update must not).
 */
export function monotonicityFigure(g: GroupAnalysis): Figure | null {
  const withUpdates = g.monotonicity.filter((m) => m.updates > 0);
  if (withUpdates.length === 0) return null;
  let thinned = 0;
  const series: PlotSeries[] = withUpdates.map((m, i) => {
    const bySteps = new Map<number, Array<{ seed: number; sparsity: number; before: number; after: number }>>();
    for (const t of m.traces) for (const p of t.points) bySteps.set(p.envSteps, [...(bySteps.get(p.envSteps) ?? []), { seed: t.seed, ...p }]);
    const steps = [...bySteps.keys()].sort((a, b) => a - b);
    const stride = Math.ceil(steps.length / MAX_DRAWN_UPDATES);
    thinned = Math.max(thinned, stride);
    const points: PlotPoint[] = [];
    steps.forEach((envSteps, k) => {
      const rows = bySteps.get(envSteps)!;
      const rose = rows.filter((r) => r.after > r.before).map((r) => `seed ${r.seed} rose`);
      if (k % stride !== 0 && k !== steps.length - 1 && rose.length === 0) return;
      const before = seedPoint(envSteps, rows.map((r) => ({ seed: r.seed, value: r.before })), `before the update at ${envSteps} steps`);
      const after = seedPoint(envSteps, rows.map((r) => ({ seed: r.seed, value: r.after })), `after the update at ${envSteps} steps (sparsity ${formatPercent(rows[0]!.sparsity)})`, rose.join(', '));
      if (before) points.push({ ...before, className: 'before' });
      if (after) points.push({ ...after, className: rose.length > 0 ? 'after rise' : 'after' });
    });
    const seeds = m.traces.length;
    return { name: `target ${formatPercent(m.sparsity)}: ${m.updates} updates over ${seeds} seed${seeds === 1 ? '' : 's'}, ${m.rises} rise${m.rises === 1 ? '' : 's'}`, colour: 1 + i, points };
  });
  const rises = withUpdates.reduce((n, m) => n + m.rises, 0);
  const updates = withUpdates.reduce((n, m) => n + m.updates, 0);
  return {
    env: g.env,
    key: figureId('monotonicity', g.env, g.kappa, g.criterion),
    arm: armName(g),
    spec: {
      id: '',
      className: 'plot-monotonicity',
      title: `${groupName(g)} · surrogate at every mask update`,
      xLabel: 'environment steps',
      yLabel: 'Lipschitz surrogate',
      series,
      notes: [
        BAND_NOTE,
        `${rises} of ${updates} updates raised the bound (expected 0)`,
        ...(thinned > 1 ? [`drawn: one update in ${thinned}, the last and every rise`] : []),
      ],
      formatX: formatDisplay,
    },
    caption: 'The Lipschitz surrogate of the actor immediately before and immediately after every mask update during training (each vertical step is one update; training between updates moves it either way). The theorem says an update never raises it.',
  };
}
