// The one entry of the analysis: grid point results in, a plain JSON-able Analysis out.
// Reads top to bottom: validate, group by (env, kappa, criterion, pruning arm), find the dense baseline,
// aggregate every condition over seeds (raw, normalised as options.normalise says, certificates per
// epsilon), then sweet spots with their robust and certified gains, regret terms beside their
// bounds, bound/robustness rank correlations at the attacks' epsilons, monotonicity at mask updates
// per group, and finally the correlations pooled over groups.

import {
  compareStrings,
  groupKey,
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
  MonotonicitySummary,
  RegretBoundRow,
  RegretRow,
  RobustTarget,
  SeedScores,
  SweetSpotResult,
} from './analysis-types';
import { certifiedCorrelations } from './certified-correlation';
import { certifiedGains } from './certified-gain';
import { certificateEpsilon, conditionCertificates, summaryAt } from './certificates';
import { BOUND_NAMES, boundExclusion, boundValue, correlate, relativeDecrease } from './correlation';
import { formatNumber } from './format';
import { monotonicitySummary } from './monotonicity';
import {
  baselineClean,
  denseBaseline,
  hasOwnBaseline,
  NEAR_ZERO_RETURN_FRACTION,
  normalise,
  robustReference,
  type DenseBaseline,
  type Normalisation,
} from './normalise';
import { bestCleanReturnOfEnv, regretRow } from './regret';
import { regretBoundRow } from './regret-bounds';
import { stat, statOfPresent } from './stats';
import { denseSeedMeans, seedSweetSpots } from './seed-sweet-spots';
import { explainUndefinedScores, findSweetSpot, robustnessGainPercent } from './sweet-spot';
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
  const name = groupKey(group);
  const targets = robustTargets(group);
  const baseline = denseBaseline(group, targets);
  baselineWarnings(name, group, targets, baseline, opts.normalise, warnings);

  const conditions = group.conditions.map((c) => summariseCondition(c.sparsity, c.points, targets, baseline, opts.normalise));
  const sweetSpots = targets.map((t, k) => sweetSpotOf(t, k, targets, conditions, baseline, opts));

  const regret: RegretRow[] = [];
  const regretBounds: RegretBoundRow[] = [];
  const denseBySeed = new Map(baseline.isDense ? group.conditions[0]!.points.map((p) => [p.seed, p] as const) : []);
  for (const c of group.conditions) {
    for (const t of targets) {
      const seeds = c.points.map((p) => ({
        denseClean: baselineClean(baseline, p.seed),
        prunedClean: p.clean.meanReturn,
        prunedAttack: robustReturn(p, t),
      }));
      const row = regretRow(c.sparsity, t.key, jStar, seeds);
      if (!row) continue;
      regret.push(row);
      regretBounds.push(
        regretBoundRow({
          sparsity: c.sparsity,
          target: t,
          epsilon: certificateEpsilon(t, targets),
          horizon: opts.horizon,
          points: c.points,
          denseBySeed,
          isDense: baseline.isDense && c.sparsity === baseline.sparsity,
        }),
      );
    }
  }

  const monotonicity = group.conditions
    .map((c) => monotonicitySummary(c.sparsity, c.points))
    .filter((m): m is MonotonicitySummary => m !== null);
  for (const m of monotonicity) {
    if (m.rises > 0) {
      warnings.push(
        `${name} s=${m.sparsity}: the Lipschitz surrogate rose at ${m.rises} of ${m.updates} mask updates ` +
          `(largest relative rise ${formatNumber(m.largestRelativeRise, 4)}); pruning alone cannot raise it`,
      );
    }
  }

  return {
    env: group.env,
    kappa: group.kappa,
    criterion: group.criterion,
    mode: group.mode,
    structured: group.structured,
    baseline: { sparsity: baseline.sparsity, isDense: baseline.isDense, cleanMean: baseline.cleanMean },
    jStar,
    jStarSource: opts.jStar === null ? 'best-clean-of-env' : 'option',
    targets,
    conditions,
    sweetSpots,
    regret,
    regretBounds,
    correlations: groupCorrelations(group, targets, conditions, opts.correlationAttack),
    certifiedCorrelations: certifiedCorrelations(group, targets, conditions, opts.correlationAttack),
    monotonicity,
    training: group.conditions.map(trainingCurve),
  };
}

/** What a reader must know about the baseline, the attacks and the certificates of a group. */
function baselineWarnings(
  name: string,
  group: GroupPoints,
  targets: readonly RobustTarget[],
  baseline: DenseBaseline,
  mode: Normalisation,
  warnings: string[],
): void {
  if (!baseline.isDense) {
    warnings.push(`${name}: no sparsity 0 in the grid; the lowest sparsity ${baseline.sparsity} stands in for the dense baseline`);
  }
  if ([...baseline.cleanBySeed.values()].some((v) => v <= 0)) {
    warnings.push(`${name}: the baseline clean return is not positive for some seeds; their normalised returns are left out`);
  }
  const missing = missingAttacks(group, targets);
  if (missing.length > 0) {
    warnings.push(`${name}: ${missing.length} attack evaluation(s) missing (e.g. ${missing[0]}); worst cases there are over fewer attacks`);
  }
  const borrowed = group.conditions.flatMap((c) => c.points).filter((p) => !hasOwnBaseline(baseline, p.seed));
  if (borrowed.length > 0) {
    const seeds = [...new Set(borrowed.map((p) => p.seed))].sort((a, b) => a - b);
    warnings.push(`${name}: seed(s) ${seeds.join(', ')} have no baseline run; normalised by the baseline seed mean`);
  }
  if (mode === 'own_dense') {
    for (const t of targets) {
      const bySeed = baseline.robustBySeed.get(t.key)!;
      const nearZero = [...bySeed.keys()].filter((seed) => baselineClean(baseline, seed) > 0 && robustReference(baseline, seed, t.key, mode) === null);
      if (nearZero.length > 0) {
        warnings.push(
          `${name}: under ${t.label} the dense return is at or below ${formatNumber(NEAR_ZERO_RETURN_FRACTION * 100)}% of the dense clean return ` +
            `for seed(s) ${nearZero.join(', ')}; own-dense normalisation is undefined there and those returns are left unnormalised`,
        );
      }
    }
  }
  const constant = group.conditions.flatMap((c) =>
    c.points.flatMap((p) => p.certify.filter((x) => x.constant).map((x) => `${p.label} (ε=${formatNumber(x.epsilon)})`)),
  );
  if (constant.length > 0) {
    warnings.push(
      `${name}: constant policy (its action mean ignores the observation) at ${constant.join('; ')}: ` +
        'labelled constant, left out of certified gains and correlations',
    );
  }
}

/**
 * The sampled-action clean return beside the mean-action one, normalised by the same seed's dense
 * sampled-action return only (a mean-action reference would mix the two ways of acting).
 */
function sampledCleanScores(p: GridPointResult, baseline: DenseBaseline): Pick<SeedScores, 'cleanSampled' | 'cleanSampledNormalised'> {
  if (!p.cleanSampled) return {};
  const reference = baseline.sampledCleanBySeed.get(p.seed);
  return { cleanSampled: p.cleanSampled.meanReturn, cleanSampledNormalised: reference === undefined ? null : normalise(p.cleanSampled.meanReturn, reference) };
}

function sampledCleanStats(perSeed: readonly SeedScores[]): Pick<ConditionSummary, 'cleanSampled' | 'cleanSampledNormalised'> {
  const evaluated = perSeed.filter((s) => s.cleanSampled !== undefined);
  if (evaluated.length === 0) return {};
  return { cleanSampled: stat(evaluated.map((s) => s.cleanSampled!))!, cleanSampledNormalised: statOfPresent(evaluated.map((s) => s.cleanSampledNormalised ?? null)) };
}

function summariseCondition(
  sparsity: number,
  points: readonly GridPointResult[],
  targets: readonly RobustTarget[],
  baseline: DenseBaseline,
  mode: Normalisation,
): ConditionSummary {
  const perSeed: SeedScores[] = points.map((p) => {
    const reference = baselineClean(baseline, p.seed);
    return {
      seed: p.seed,
      ownBaseline: hasOwnBaseline(baseline, p.seed),
      reference,
      clean: p.clean.meanReturn,
      cleanNormalised: normalise(p.clean.meanReturn, reference),
      ...sampledCleanScores(p, baseline),
      robust: targets.map((t) => {
        const r = robustReturn(p, t);
        const ref = r === null ? null : robustReference(baseline, p.seed, t.key, mode);
        return { target: t.key, return: r, reference: ref, normalised: r === null || ref === null ? null : normalise(r, ref) };
      }),
    };
  });
  const certificates = conditionCertificates(points);
  return {
    sparsity,
    seeds: points.map((p) => p.seed),
    perSeed,
    clean: stat(perSeed.map((s) => s.clean))!,
    cleanNormalised: statOfPresent(perSeed.map((s) => s.cleanNormalised)),
    ...sampledCleanStats(perSeed),
    robust: targets.map((t, k) => ({
      target: t.key,
      return: statOfPresent(perSeed.map((s) => s.robust[k]!.return)),
      normalised: statOfPresent(perSeed.map((s) => s.robust[k]!.normalised)),
    })),
    certificates,
  };
}

/** The constrained sweet spot of one target, with its certified gains at the target's certificate epsilon and each seed's own. */
function sweetSpotOf(
  t: RobustTarget,
  k: number,
  targets: readonly RobustTarget[],
  conditions: readonly ConditionSummary[],
  baseline: DenseBaseline,
  opts: AnalyseOptions,
): SweetSpotResult {
  const dense = conditions[0]!;
  const found = explainUndefinedScores(
    findSweetSpot({
      target: t.key,
      candidates: conditions.map((c) => ({
        sparsity: c.sparsity,
        cleanNormalised: c.cleanNormalised?.mean ?? null,
        robustNormalised: c.robust[k]!.normalised?.mean ?? null,
        robustReturn: c.robust[k]!.return?.mean ?? null,
      })),
      baselineRobustReturn: dense.robust[k]!.return?.mean ?? null,
      baselineCleanReturn: baseline.cleanMean,
      keepFraction: opts.keepFraction,
    }),
    denseSeedMeans(dense, k),
    opts.normalise,
  );
  const result: SweetSpotResult = { ...found, ...seedSweetSpots(t.key, k, conditions, opts.keepFraction, opts.normalise) };
  const spot = result.spot;
  const eps = certificateEpsilon(t, targets);
  if (spot === null || eps === null) return result;
  const sweet = conditions.find((c) => c.sparsity === spot.sparsity)!;
  return {
    ...result,
    spot: {
      ...spot,
      certificateEpsilon: eps,
      certifiedGains: certifiedGains(eps, summaryAt(sweet.certificates, eps), summaryAt(conditions[0]!.certificates, eps)),
    },
  };
}

/** Bound decrease vs robust-return gain across sparsities, per bound, for each target of the correlation attack. */
function groupCorrelations(
  group: GroupPoints,
  targets: readonly RobustTarget[],
  conditions: readonly ConditionSummary[],
  attack: string,
): CorrelationResult[] {
  const correlations: CorrelationResult[] = [];
  const at = { env: group.env, kappa: group.kappa, criterion: group.criterion };
  targets.forEach((t, k) => {
    if (t.key === WORST_CASE_KEY || t.attack.toLowerCase() !== attack.toLowerCase()) return;
    const eps = t.epsilon!;
    const denseCert = summaryAt(conditions[0]!.certificates, eps);
    const denseRobust = conditions[0]!.robust[k]!.return?.mean ?? null;
    for (const bound of BOUND_NAMES) {
      const denseWhy = boundExclusion(denseCert, bound);
      const denseBound = boundValue(denseCert, bound);
      const pts: CorrelationPoint[] = [];
      const excluded: CorrelationResult['excluded'] = [];
      for (const c of conditions) {
        const cert = summaryAt(c.certificates, eps);
        const why = boundExclusion(cert, bound);
        if (why !== null) {
          excluded.push({ ...at, sparsity: c.sparsity, why });
          continue;
        }
        const b = boundValue(cert, bound);
        const r = c.robust[k]!.return?.mean ?? null;
        if (denseWhy !== null || denseBound === null || denseRobust === null || b === null || r === null) continue;
        const boundDecrease = relativeDecrease(denseBound, b);
        const robustGainPercent = robustnessGainPercent(r, denseRobust);
        if (boundDecrease === null || robustGainPercent === null) continue;
        pts.push({ ...at, sparsity: c.sparsity, epsilon: eps, boundDecrease, robustGainPercent });
      }
      const why = denseWhy === null ? null : `the dense policy's ${bound} bound at ε=${formatNumber(eps)} is ${denseWhy}: no decrease to measure`;
      correlations.push(correlate(bound, t.key, 'group', pts, excluded, why));
    }
  });
  return correlations;
}

/** Group correlation points of the same bound pooled over groups and over the attack's budgets. */
function pooledCorrelations(groups: readonly GroupAnalysis[], attack: string): CorrelationResult[] {
  return BOUND_NAMES.map((bound) => {
    const mine = groups.flatMap((g) => g.correlations.filter((c) => c.bound === bound));
    return correlate(bound, attack.toLowerCase(), 'pooled', mine.flatMap((c) => c.points), mine.flatMap((c) => c.excluded));
  });
}
