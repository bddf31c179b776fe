// A dense SA-regulariser sweep drawn against kappa (issue 22 item 1): when an env's groups of one
// criterion and arm were each run at one sparsity only and there are two or more kappa values, the
// sparsity axis has one point and says nothing, so these figures put kappa on the x axis instead:
// the clean return and the return under each attack at one epsilon (raw returns: each kappa's
// policy is its own dense baseline, so normalising by it would hide what the regulariser costs),
// and each certification method's certified robustness (mean over states of 1 - TV bound) at each
// certified epsilon. Points are seed means with ± 1 std bands, as everywhere in the report.

import { WORST_CASE_KEY } from './aggregate';
import type { Analysis, GroupAnalysis } from './analysis-types';
import { formatDisplay, formatPercent } from './format';
import { armName, criterionWithArm } from './pruning-arm';
import { figureId, type Figure, type FigureColours } from './report-figure';
import { overlaySets } from './report-returns-figures';
import { BAND_NOTE, present, statPoint } from './report-series';
import type { PlotSeries } from './svg/line-plot';

/** Groups of one env, criterion and arm, ascending kappa, run at one and the same sparsity; two or more. */
export function kappaSweepSets(analysis: Analysis): GroupAnalysis[][] {
  return overlaySets(analysis, 'kappa')
    .filter((set) => set.every((g) => g.conditions.length === 1 && g.conditions[0]!.sparsity === set[0]!.conditions[0]!.sparsity))
    .map((set) => [...set].sort((a, b) => a.kappa - b.kappa));
}

/** Each sweep's returns and certificates against kappa (the sets from kappaSweepSets). */
export function kappaSweepFigures(sweeps: readonly GroupAnalysis[][], colours: FigureColours): Figure[] {
  return sweeps.flatMap((set) => [...returnFigures(set, colours), ...certificateFigures(set)]);
}

function returnFigures(set: GroupAnalysis[], colours: FigureColours): Figure[] {
  const first = set[0]!;
  const sparsity = first.conditions[0]!.sparsity;
  const targets = set.flatMap((g) => g.targets).filter((t) => t.key !== WORST_CASE_KEY);
  const epsilons = [...new Set(targets.map((t) => t.epsilon))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const keys = (eps: number | null) => [...new Set(targets.filter((t) => t.epsilon === eps).map((t) => t.key))];
  const entries: Array<number | null> = epsilons.length === 0 ? [null] : epsilons;
  return entries.map((eps) => {
    const series: PlotSeries[] = [
      {
        name: 'clean',
        colour: colours.clean,
        points: present(set.map((g) => statPoint(g.kappa, g.conditions[0]!.clean, `clean return at κ ${g.kappa}`, g.conditions[0]!.seeds))),
      },
      ...sampledCleanSeries(set, colours),
      ...keys(eps).map((key) => {
        const attack = targets.find((t) => t.key === key)!.attack;
        return {
          name: attack,
          colour: colours.attack(attack),
          points: present(
            set.map((g) => {
              const k = g.targets.findIndex((t) => t.key === key);
              return k < 0 ? null : statPoint(g.kappa, g.conditions[0]!.robust[k]!.return, `return under ${attack} at κ ${g.kappa}`, g.conditions[0]!.seeds);
            }),
          ),
        };
      }),
    ];
    return {
      env: first.env,
      key: figureId('kappa-returns', first.env, first.criterion, eps ?? 'clean'),
      arm: armName(first),
      spec: {
        id: '',
        className: 'plot-returns plot-kappa-sweep',
        title: `${first.env} · ${criterionWithArm(first)} at sparsity ${formatPercent(sparsity)} · returns against κ · ${eps === null ? 'no attacks' : `attacks at ε = ${eps}`}`,
        xLabel: 'κ (SA-regulariser weight)',
        yLabel: 'episode return',
        series,
        notes: [BAND_NOTE],
        formatX: formatDisplay,
      },
      caption:
        `Clean return and the return under every attack at ε = ${eps ?? '–'} (L∞, normalised observation units) against the SA-regulariser weight κ, ` +
        `each κ's policy at sparsity ${formatPercent(sparsity)}; raw returns (each κ is its own dense baseline); seed means, shaded ± 1 std.` +
        (set.some((g) => g.conditions[0]!.cleanSampled) ? ' Every return is of the mean action, as SA-PPO reports; the dashed clean line samples actions from the policy instead.' : ''),
    };
  });
}

/** The clean return with sampled actions, dashed in the clean colour, when the spec asked for it (evaluation.sampled_clean). */
function sampledCleanSeries(set: readonly GroupAnalysis[], colours: FigureColours): PlotSeries[] {
  const points = present(
    set.map((g) => {
      const c = g.conditions[0]!;
      const seeds = c.perSeed.filter((s) => s.cleanSampled !== undefined).map((s) => s.seed);
      return c.cleanSampled ? statPoint(g.kappa, c.cleanSampled, `clean return with sampled actions at κ ${g.kappa}`, seeds) : null;
    }),
  );
  return points.length === 0 ? [] : [{ name: 'clean, sampled actions', colour: colours.clean, dashed: true, points }];
}

function certificateFigures(set: GroupAnalysis[]): Figure[] {
  const first = set[0]!;
  const sparsity = first.conditions[0]!.sparsity;
  const certs = set.flatMap((g) => g.conditions[0]!.certificates.map((cs) => ({ g, cs })));
  const epsilons = [...new Set(certs.map(({ cs }) => cs.epsilon.mean))].sort((a, b) => a - b);
  return epsilons.map((eps) => {
    const atEps = certs.filter(({ cs }) => cs.epsilon.mean === eps);
    const methods = [...new Set(atEps.flatMap(({ cs }) => cs.methods.map((m) => m.method)))];
    const series: PlotSeries[] = methods.map((method, i) => ({
      name: method === 'surrogate' ? 'surrogate: 1 − global TV' : `${method.toUpperCase()}: mean of 1 − TV over states`,
      colour: i,
      points: present(
        atEps.map(({ g, cs }) => {
          const m = cs.methods.find((x) => x.method === method);
          return m ? statPoint(g.kappa, m.certifiedRobustness, `${method} certified robustness at κ ${g.kappa}`, cs.seeds) : null;
        }),
      ),
    }));
    return {
      env: first.env,
      key: figureId('kappa-certified', first.env, first.criterion, eps),
      arm: armName(first),
      spec: {
        id: '',
        className: 'plot-bounds plot-kappa-sweep',
        title: `${first.env} · ${criterionWithArm(first)} at sparsity ${formatPercent(sparsity)} · certified robustness against κ at ε = ${eps}`,
        xLabel: 'κ (SA-regulariser weight)',
        yLabel: 'certified robustness (1 − TV)',
        series,
        notes: [BAND_NOTE],
        formatX: formatDisplay,
      },
      caption:
        `Certified robustness at ε = ${eps} (mean over sampled states of 1 − the TV bound between the action distributions at a state and anywhere in its ε-ball; ` +
        `for the surrogate, 1 − its global TV bound) against κ, each κ's policy at sparsity ${formatPercent(sparsity)}. Higher is more robust; seed means, shaded ± 1 std.`,
    };
  });
}
