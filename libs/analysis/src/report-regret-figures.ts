// The regret decomposition (regret.ts) against sparsity, for the attack the report correlates
// bounds with (MAD by default), one figure per epsilon: the total J* − J_attack and its three terms
// (baseline clean regret, pruning loss, robustness gap) as seed means with ± 1 std bands, and the
// dense policy's total as a horizontal line, so the sparsity past which pruning stops paying (the
// total rising above the dense one) and the term that dominates there can be read off.

import type { Analysis, GroupAnalysis } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { armName } from './pruning-arm';
import { figureId, groupName, type Figure } from './report-figure';
import { atSparsity, BAND_NOTE, present, statPoint } from './report-series';
import type { PlotSeries } from './svg/line-plot';

const TERMS = [
  { key: 'total', name: 'total J* − J_attack', colour: 6 },
  { key: 'baselineCleanRegret', name: 'baseline clean regret', colour: 0 },
  { key: 'pruningLoss', name: 'pruning loss', colour: 1 },
  { key: 'robustnessGap', name: 'robustness gap', colour: 2 },
] as const;

export function regretFigures(analysis: Analysis, g: GroupAnalysis): Figure[] {
  const targets = g.targets.filter((t) => t.attack === analysis.options.correlationAttack && t.epsilon !== null);
  return targets.flatMap((t) => {
    const rows = g.regret.filter((r) => r.target === t.key).sort((a, b) => a.sparsity - b.sparsity);
    if (rows.length === 0) return [];
    const series: PlotSeries[] = TERMS.map((term) => ({
      name: term.name,
      colour: term.colour,
      points: present(rows.map((r) => statPoint(r.sparsity, r[term.key], atSparsity(term.name, r.sparsity), null))),
    }));
    const dense = g.baseline.isDense ? rows.find((r) => r.sparsity === g.baseline.sparsity) : undefined;
    return [
      {
        env: g.env,
        key: figureId('regret', g.env, g.kappa, g.criterion, t.key),
        arm: armName(g),
        spec: {
          id: '',
          className: 'plot-regret',
          title: `${groupName(g)} · regret under ${t.label}`,
          xLabel: 'sparsity',
          yLabel: 'return lost (J* − J)',
          series,
          ...(dense ? { referenceLines: [{ y: dense.total.mean, legend: `the dense policy's total (${formatDisplay(dense.total.mean)})`, className: 'dense-total' }] } : {}),
          notes: [BAND_NOTE],
          formatX: formatPercent,
        },
        caption:
          `J* − J_attack (J* = ${formatDisplay(rows[0]!.jStar)}, the best clean return) under ${t.label} and its three terms against sparsity: ` +
          `baseline clean regret J* − J_clean(dense), pruning loss J_clean(dense) − J_clean(pruned), robustness gap J_clean(pruned) − J_attack(pruned), ` +
          `each computed per seed against that seed's dense run, then seed means, shaded ± 1 std. Below the dense policy's total, pruning pays under this attack.`,
      },
    ];
  });
}
