// Which plots the report shows for one (env, kappa, criterion), built from the Analysis only:
// returns against sparsity per robust target with the sweet spot marked, certified bounds against
// sparsity, and training curves. Each returns SVG markup, or null when there is nothing to draw.

import type { GroupAnalysis, RobustTarget } from './analysis-types';
import { formatPercent } from './format';
import type { Stat } from './stats';
import { linePlot, type PlotHighlight, type PlotPoint, type PlotSeries } from './svg/line-plot';

export function plotId(groupIndex: number, kind: string, suffix = ''): string {
  const slug = suffix.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `g${groupIndex}-${kind}${slug ? `-${slug}` : ''}`;
}

function groupTitle(g: GroupAnalysis): string {
  return `${g.env}, kappa ${g.kappa}, ${g.criterion}`;
}

function point(x: number, s: Stat | null): PlotPoint[] {
  return s === null ? [] : [{ x, y: s.mean, err: s.std }];
}

/**
 * Clean and robust return against sparsity under one target. Normalised by the dense clean return
 * (with their mean, the sweet-spot score, dashed) when the group can be normalised, raw otherwise.
 */
export function returnsPlot(g: GroupAnalysis, groupIndex: number, targetIndex: number): string {
  const target: RobustTarget = g.targets[targetIndex]!;
  const normalised = g.conditions.some((c) => c.cleanNormalised !== null && c.robust[targetIndex]!.normalised !== null);
  const series: PlotSeries[] = [];
  const highlights: PlotHighlight[] = [];
  if (normalised) {
    series.push({ name: 'clean', points: g.conditions.flatMap((c) => point(c.sparsity, c.cleanNormalised)) });
    series.push({ name: target.label, points: g.conditions.flatMap((c) => point(c.sparsity, c.robust[targetIndex]!.normalised)) });
    series.push({
      name: 'score (mean of both)',
      dashed: true,
      points: g.conditions.flatMap((c) => {
        const clean = c.cleanNormalised;
        const robust = c.robust[targetIndex]!.normalised;
        return clean && robust ? [{ x: c.sparsity, y: (clean.mean + robust.mean) / 2 }] : [];
      }),
    });
    const spot = g.sweetSpots[targetIndex]!.spot;
    if (spot) {
      highlights.push({
        x: spot.sparsity,
        y: spot.score,
        className: 'sweet-spot',
        legend: 'sweet spot',
        label: `sweet spot ${formatPercent(spot.sparsity)}${spot.keepsClean ? '' : ' (loses clean)'}`,
      });
    }
  } else {
    series.push({ name: 'clean', points: g.conditions.flatMap((c) => point(c.sparsity, c.clean)) });
    series.push({ name: target.label, points: g.conditions.flatMap((c) => point(c.sparsity, c.robust[targetIndex]!.return)) });
  }
  return linePlot({
    id: plotId(groupIndex, 'returns', target.key),
    className: 'plot-returns',
    title: `${groupTitle(g)}: ${target.label}`,
    xLabel: 'sparsity',
    yLabel: normalised ? 'return / dense clean return' : 'mean episode return',
    series,
    highlights,
    formatX: formatPercent,
  });
}

/** Global bounds (Lipschitz surrogate and spectral product) against sparsity. */
export function lipschitzPlot(g: GroupAnalysis, groupIndex: number): string | null {
  const certified = g.conditions.filter((c) => c.certify !== null);
  if (certified.length === 0) return null;
  return linePlot({
    id: plotId(groupIndex, 'lipschitz'),
    className: 'plot-bounds plot-lipschitz',
    title: `${groupTitle(g)}: Lipschitz bounds`,
    xLabel: 'sparsity',
    yLabel: 'bound on the actor Lipschitz constant',
    series: [
      { name: 'Lipschitz surrogate', points: certified.flatMap((c) => point(c.sparsity, c.certify!.lipschitzSurrogate)) },
      { name: 'spectral product', points: certified.flatMap((c) => point(c.sparsity, c.certify!.spectralProduct)) },
    ],
    formatX: formatPercent,
  });
}

/** Certified TV bounds (global from the surrogate; per-state mean of each method) against sparsity. */
export function tvPlot(g: GroupAnalysis, groupIndex: number): string | null {
  const certified = g.conditions.filter((c) => c.certify !== null);
  if (certified.length === 0) return null;
  const methods = [...new Set(certified.flatMap((c) => c.certify!.perState.map((ps) => ps.method)))];
  const series: PlotSeries[] = [
    { name: 'global TV (surrogate)', points: certified.flatMap((c) => point(c.sparsity, c.certify!.globalTv)) },
    ...methods.map((m) => ({
      name: `${m.toUpperCase()} mean TV`,
      points: certified.flatMap((c) => point(c.sparsity, c.certify!.perState.find((ps) => ps.method === m)?.meanTv ?? null)),
    })),
  ];
  return linePlot({
    id: plotId(groupIndex, 'tv'),
    className: 'plot-bounds plot-tv',
    title: `${groupTitle(g)}: certified TV distance`,
    xLabel: 'sparsity',
    yLabel: 'TV bound over the ε-ball',
    series,
    formatX: formatPercent,
  });
}

/** Training return against env steps, one curve per target sparsity. */
export function trainingPlot(g: GroupAnalysis, groupIndex: number): string | null {
  const curves = g.training.filter((t) => t.points.length > 0);
  if (curves.length === 0) return null;
  return linePlot({
    id: plotId(groupIndex, 'training'),
    className: 'plot-training',
    title: `${groupTitle(g)}: training`,
    xLabel: 'environment steps',
    yLabel: 'mean training return',
    series: curves.map((t) => ({
      name: `sparsity ${formatPercent(t.sparsity)}`,
      points: t.points.map((p) => ({ x: p.envSteps, y: p.meanReturn.mean, err: p.meanReturn.std })),
    })),
  });
}
