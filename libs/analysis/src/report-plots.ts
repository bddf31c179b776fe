// Which figures the report shows, built from the Analysis only. For each (env, kappa, criterion, pruning arm):
// the comparison figure per attack epsilon, the certificates per epsilon, the monotonicity trace,
// the training curves and the regret decomposition; for each env, the overlays of criteria and of
// kappa values (a dense kappa sweep against kappa).

import type { Analysis, GroupAnalysis } from './analysis-types';
import { certificateFigures, monotonicityFigure } from './report-certificate-figures';
import { figureId, groupName, type Figure, type FigureColours } from './report-figure';
import { kappaSweepFigures, kappaSweepSets } from './report-kappa-figures';
import { regretFigures } from './report-regret-figures';
import { comparisonFigures, overlayFigures } from './report-returns-figures';
import { BAND_NOTE, present, statPoint } from './report-series';
import { formatDisplay, formatPercent } from './format';
import { armName } from './pruning-arm';

export interface GroupFigures {
  comparison: Figure[];
  certificates: Figure[];
  monotonicity: Figure | null;
  training: Figure | null;
  /** Beside the regret table, after the returns table: last in page order. */
  regret: Figure[];
}

/** Training return against env steps, one curve per target sparsity. */
export function trainingFigure(g: GroupAnalysis): Figure | null {
  const curves = g.training.filter((t) => t.points.length > 0);
  if (curves.length === 0) return null;
  return {
    env: g.env,
    key: figureId('training', g.env, g.kappa, g.criterion),
    arm: armName(g),
    spec: {
      id: '',
      className: 'plot-training',
      title: `${groupName(g)} · training`,
      xLabel: 'environment steps',
      yLabel: 'mean training return',
      series: curves.map((t, i) => ({
        name: `sparsity ${formatPercent(t.sparsity)}`,
        colour: i,
        points: present(t.points.map((p) => statPoint(p.envSteps, p.meanReturn, `sparsity ${formatPercent(t.sparsity)} at ${p.envSteps} steps`, null))),
      })),
      notes: [BAND_NOTE],
      formatX: formatDisplay,
    },
    caption: 'Mean return of the training episodes against environment steps, one curve per target sparsity.',
  };
}

export function groupFigures(analysis: Analysis, g: GroupAnalysis, colours: FigureColours): GroupFigures {
  return {
    comparison: comparisonFigures(analysis, g, colours),
    certificates: certificateFigures(g),
    monotonicity: monotonicityFigure(g),
    training: trainingFigure(g),
    regret: regretFigures(analysis, g),
  };
}

/**
 * Overlays of one env: criteria on one plot, kappa values on one plot (when the spec has several);
 * a dense kappa sweep (one sparsity per group) is drawn against kappa instead of sparsity.
 */
export function envOverlayFigures(analysis: Analysis, colours: FigureColours): Figure[] {
  const sweeps = kappaSweepSets(analysis);
  const swept = new Set(sweeps.flat());
  const kappaOverlays = overlayFigures({ ...analysis, groups: analysis.groups.filter((g) => !swept.has(g)) }, 'kappa');
  return [...overlayFigures(analysis, 'criterion'), ...kappaOverlays, ...kappaSweepFigures(sweeps, colours)];
}

/** Every figure of a report in page order: per env its overlays, then each group's figures. */
export function allFigures(analysis: Analysis, colours: FigureColours): Figure[] {
  const overlays = envOverlayFigures(analysis, colours);
  const out: Figure[] = [];
  for (const env of analysis.envs) {
    out.push(...overlays.filter((f) => f.env === env));
    for (const g of analysis.groups.filter((gg) => gg.env === env)) {
      const f = groupFigures(analysis, g, colours);
      out.push(...f.comparison, ...f.certificates, ...[f.monotonicity, f.training].filter((x): x is Figure => x !== null), ...f.regret);
    }
  }
  return out;
}
