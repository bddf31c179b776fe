// The one entry of the analysis: grid point results in, a plain JSON-able Analysis out.
// Reads top to bottom: validate, group by (env, kappa, criterion), find the dense baseline,
// aggregate every condition over seeds (raw and normalised), then sweet spots, regret terms and
// bound/robustness rank correlations per group, and finally the correlations pooled over groups.

import {
  compareStrings,
  certifySummary,
  groupPoints,
  missingAttacks,
  robustReturn,
  robustTargets,
  trainingCurve,
  WORST_CASE_KEY,
  type GroupPoints,
} from './aggregate';
import type {
  AnalyseOptions,
  Analysis,
  ConditionSummary,
  CorrelationPoint,
  CorrelationResult,
  GroupAnalysis,
  RegretRow,
  RobustTarget,
  SeedScores,
} from './analysis-types';
import { BOUND_NAMES, boundValue, correlate, relativeDecrease } from './correlation';
import { baselineClean, denseBaseline, hasOwnBaseline, normalise, type DenseBaseline } from './normalise';
import { bestCleanReturnOfEnv, regretRow } from './regret';
import { stat, statOfPresent } from './stats';
import { findSweetSpot, robustnessGainPercent } from './sweet-spot';
import type { GridPointResult } from './types';
import { resolveOptions, validatePoints } from './validate';

export function analyse(points: readonly GridPointResult[], options?: Partial<AnalyseOptions>): Analysis {
  const opts = resolveOptions(options);
  validatePoints(points);
  const groups = groupPoints(points);
  const envs = [...new Set(groups.map((g) => g.env))].sort(compareStrings);
  const warnings: string[] = [];
  if (opts.jStar !== null && envs.length > 1) {
    warnings.push(`J* = ${opts.jStar} was given and is used for every env (${envs.join(', ')}), whose returns differ in scale`);
  }

  const analysed = groups.map((group) => {
    const jStar = opts.jStar ?? bestCleanReturnOfEnv(groups, group.env);
    return analyseGroup(group, jStar, opts, warnings);
  });

  return {
    options: opts,
    pointCount: points.length,
    envs,
    groups: analysed,
    pooledCorrelations: pooledCorrelations(analysed, opts.correlationAttack),
    warnings,
  };
}

function analyseGroup(group: GroupPoints, jStar: number, opts: AnalyseOptions, warnings: string[]): GroupAnalysis {
  const name = `${group.env} kappa=${group.kappa} ${group.criterion}`;
  const baseline = denseBaseline(group);
  if (!baseline.isDense) {
    warnings.push(`${name}: no sparsity 0 in the grid; the lowest sparsity ${baseline.sparsity} stands in for the dense baseline`);
  }
  if ([...baseline.cleanBySeed.values()].some((v) => v <= 0)) {
    warnings.push(`${name}: the baseline clean return is not positive for some seeds; their normalised returns are left out`);
  }
  const targets = robustTargets(group);
  const missing = missingAttacks(group, targets);
  if (missing.length > 0) {
    warnings.push(`${name}: ${missing.length} attack evaluation(s) missing (e.g. ${missing[0]}); worst cases there are over fewer attacks`);
  }
  const borrowed = group.conditions.flatMap((c) => c.points).filter((p) => !hasOwnBaseline(baseline, p.seed));
  if (borrowed.length > 0) {
    const seeds = [...new Set(borrowed.map((p) => p.seed))].sort((a, b) => a - b);
    warnings.push(`${name}: seed(s) ${seeds.join(', ')} have no baseline run; normalised by the baseline seed mean`);
  }

  const conditions = group.conditions.map((c) => summariseCondition(c.sparsity, c.points, targets, baseline));

  const sweetSpots = targets.map((t, k) =>
    findSweetSpot({
      target: t.key,
      candidates: conditions.map((c) => ({
        sparsity: c.sparsity,
        cleanNormalised: c.cleanNormalised?.mean ?? null,
        robustNormalised: c.robust[k]!.normalised?.mean ?? null,
        robustReturn: c.robust[k]!.return?.mean ?? null,
      })),
      baselineRobustReturn: conditions[0]!.robust[k]!.return?.mean ?? null,
      keepFraction: opts.keepFraction,
    }),
  );

  const regret: RegretRow[] = [];
  for (const c of group.conditions) {
    for (const t of targets) {
      const seeds = c.points.map((p) => ({
        denseClean: baselineClean(baseline, p.seed),
        prunedClean: p.clean.meanReturn,
        prunedAttack: robustReturn(p, t),
      }));
      const row = regretRow(c.sparsity, t.key, jStar, seeds);
      if (row) regret.push(row);
    }
  }

  const correlations: CorrelationResult[] = [];
  targets.forEach((t, k) => {
    if (t.key === WORST_CASE_KEY || t.attack.toLowerCase() !== opts.correlationAttack.toLowerCase()) return;
    for (const bound of BOUND_NAMES) {
      const denseBound = boundValue(conditions[0]!.certify, bound);
      const denseRobust = conditions[0]!.robust[k]!.return?.mean ?? null;
      const pts: CorrelationPoint[] = [];
      for (const c of conditions) {
        const b = boundValue(c.certify, bound);
        const r = c.robust[k]!.return?.mean ?? null;
        if (denseBound === null || denseRobust === null || b === null || r === null) continue;
        const boundDecrease = relativeDecrease(denseBound, b);
        const robustGainPercent = robustnessGainPercent(r, denseRobust);
        if (boundDecrease === null || robustGainPercent === null) continue;
        pts.push({ env: group.env, kappa: group.kappa, criterion: group.criterion, sparsity: c.sparsity, boundDecrease, robustGainPercent });
      }
      correlations.push(correlate(bound, t.key, 'group', pts));
    }
  });

  return {
    env: group.env,
    kappa: group.kappa,
    criterion: group.criterion,
    baseline: { sparsity: baseline.sparsity, isDense: baseline.isDense, cleanMean: baseline.cleanMean },
    jStar,
    jStarSource: opts.jStar === null ? 'best-clean-of-env' : 'option',
    targets,
    conditions,
    sweetSpots,
    regret,
    correlations,
    training: group.conditions.map(trainingCurve),
  };
}

function summariseCondition(
  sparsity: number,
  points: readonly GridPointResult[],
  targets: readonly RobustTarget[],
  baseline: DenseBaseline,
): ConditionSummary {
  const perSeed: SeedScores[] = points.map((p) => {
    const reference = baselineClean(baseline, p.seed);
    return {
      seed: p.seed,
      ownBaseline: hasOwnBaseline(baseline, p.seed),
      reference,
      clean: p.clean.meanReturn,
      cleanNormalised: normalise(p.clean.meanReturn, reference),
      robust: targets.map((t) => {
        const r = robustReturn(p, t);
        return { target: t.key, return: r, normalised: r === null ? null : normalise(r, reference) };
      }),
    };
  });
  return {
    sparsity,
    seeds: points.map((p) => p.seed),
    perSeed,
    clean: stat(perSeed.map((s) => s.clean))!,
    cleanNormalised: statOfPresent(perSeed.map((s) => s.cleanNormalised)),
    robust: targets.map((t, k) => ({
      target: t.key,
      return: statOfPresent(perSeed.map((s) => s.robust[k]!.return)),
      normalised: statOfPresent(perSeed.map((s) => s.robust[k]!.normalised)),
    })),
    certify: certifySummary(points),
  };
}

/** Group correlation points of the same bound pooled over groups and over the attack's budgets. */
function pooledCorrelations(groups: readonly GroupAnalysis[], attack: string): CorrelationResult[] {
  return BOUND_NAMES.map((bound) => {
    const pts = groups.flatMap((g) => g.correlations.filter((c) => c.bound === bound).flatMap((c) => c.points));
    return correlate(bound, attack.toLowerCase(), 'pooled', pts);
  });
}
