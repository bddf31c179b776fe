// The analysis and the grid points as JSON Lines: one self-describing record per line ("type"
// says which), numbers at full precision (JSON's shortest round-trip form, so they equal the
// ledger's). Records are built field by field, so key order, and with it the bytes, never depends
// on how a caller happened to build its objects. A point and every record of a group carry mode and
// structured when the pruning arm is not micro-pruning elementwise; absent, it is (pruning-arm.ts).

import { compareStrings, sortPoints } from './aggregate';
import type { Analysis } from './analysis-types';
import { armFields } from './pruning-arm';
import type { EvalResult, GridPointResult } from './types';

export function toJsonl(analysis: Analysis, points: readonly GridPointResult[]): string {
  const records: unknown[] = [];
  records.push({ type: 'options', ...analysis.options, pointCount: analysis.pointCount, envs: analysis.envs });
  for (const message of analysis.warnings) records.push({ type: 'warning', message });
  for (const p of sortPoints(points)) records.push(canonicalPoint(p));
  for (const g of analysis.groups) {
    const at = { env: g.env, kappa: g.kappa, criterion: g.criterion, ...armFields(g) };
    records.push({ type: 'group', ...at, baseline: g.baseline, jStar: g.jStar, jStarSource: g.jStarSource, targets: g.targets });
    for (const c of g.conditions) records.push({ type: 'condition', ...at, ...c });
    for (const s of g.sweetSpots) records.push({ type: 'sweet-spot', ...at, ...s });
    for (const r of g.regret) records.push({ type: 'regret', ...at, ...r });
    for (const r of g.regretBounds) records.push({ type: 'regret-bound', ...at, ...r });
    for (const r of g.correlations) records.push({ type: 'correlation', ...at, ...r });
    for (const r of g.certifiedCorrelations) records.push({ type: 'certified-correlation', ...at, ...r });
    for (const m of g.monotonicity) records.push({ type: 'monotonicity', ...at, ...m });
    for (const t of g.training) records.push({ type: 'training', ...at, ...t });
  }
  for (const r of analysis.pooledCorrelations) records.push({ type: 'correlation', env: null, kappa: null, criterion: null, ...r });
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function canonicalEval(r: EvalResult): EvalResult {
  return {
    meanReturn: r.meanReturn,
    stdReturn: r.stdReturn,
    medianReturn: r.medianReturn,
    minReturn: r.minReturn,
    maxReturn: r.maxReturn,
    meanLength: r.meanLength,
    returns: [...r.returns],
  };
}

function canonicalPoint(p: GridPointResult): unknown {
  const attacks = [...p.attacks].sort((a, b) => compareStrings(a.attack, b.attack) || a.epsilon - b.epsilon);
  return {
    type: 'point',
    label: p.label,
    env: p.env,
    seed: p.seed,
    kappa: p.kappa,
    criterion: p.criterion,
    ...armFields(p),
    sparsity: p.sparsity,
    clean: canonicalEval(p.clean),
    ...(p.cleanSampled ? { cleanSampled: canonicalEval(p.cleanSampled) } : {}),
    attacks: attacks.map((a) => ({ attack: a.attack, epsilon: a.epsilon, result: canonicalEval(a.result) })),
    certify: p.certify.map((c) => ({
      epsilon: c.epsilon,
      lipschitzSurrogate: c.lipschitzSurrogate,
      spectralProduct: c.spectralProduct,
      globalTv: c.globalTv,
      constant: c.constant,
      perState: [...c.perState].sort((a, b) => compareStrings(a.method.toLowerCase(), b.method.toLowerCase())).map((ps) => ({
        method: ps.method,
        meanTv: ps.meanTv,
        medianTv: ps.medianTv,
        maxTv: ps.maxTv,
        certifiedFraction: ps.certifiedFraction,
        meanWidth: ps.meanWidth,
        meanCertifiedRadius: ps.meanCertifiedRadius,
      })),
    })),
    parameterPath:
      p.parameterPath === null
        ? null
        : {
            deltaNorm: p.parameterPath.deltaNorm,
            lPar: p.parameterPath.lPar,
            measuredActionShift: p.parameterPath.measuredActionShift,
            sigmaMin: p.parameterPath.sigmaMin,
          },
    training: p.training.map((t) => ({ envSteps: t.envSteps, meanReturn: t.meanReturn, sparsity: t.sparsity, lipschitzBound: t.lipschitzBound })),
    // Every update as recorded (analysis traces downsample; this record stays the ledger's).
    maskUpdates: p.maskUpdates.map((u) => ({ envSteps: u.envSteps, gradientStep: u.gradientStep, sparsity: u.sparsity, before: u.before, after: u.after })),
  };
}
