// Input checks. The orchestrator builds GridPointResult[] from its ledger; anything malformed is
// rejected here with the field path, so nothing downstream has to guard against NaN or holes.

import type { AnalyseOptions } from './analysis-types';
import { InvalidArgumentError, show } from '@rlprune/errors';
import { PRUNING_MODES, type CertifyResult, type EvalResult, type GridPointResult, type MaskUpdateRecord, type ParameterPathResult, type TrainingPoint } from './types';

export const NORMALISATIONS: ReadonlyArray<AnalyseOptions['normalise']> = ['own_dense', 'dense_clean'];

export const DEFAULT_OPTIONS: AnalyseOptions = {
  jStar: null,
  keepFraction: 0.95,
  correlationAttack: 'mad',
  normalise: 'own_dense',
  horizon: 1000,
};

export function resolveOptions(options: Partial<AnalyseOptions> | undefined): AnalyseOptions {
  const resolved: AnalyseOptions = {
    jStar: options?.jStar ?? DEFAULT_OPTIONS.jStar,
    keepFraction: options?.keepFraction ?? DEFAULT_OPTIONS.keepFraction,
    correlationAttack: options?.correlationAttack ?? DEFAULT_OPTIONS.correlationAttack,
    normalise: options?.normalise ?? DEFAULT_OPTIONS.normalise,
    horizon: options?.horizon ?? DEFAULT_OPTIONS.horizon,
  };
  if (resolved.jStar !== null) finite('options.jStar', resolved.jStar);
  if (!(typeof resolved.keepFraction === 'number' && resolved.keepFraction > 0 && resolved.keepFraction <= 1)) {
    throw new InvalidArgumentError('options.keepFraction', 'a number in (0, 1]', show(resolved.keepFraction));
  }
  nonEmptyString('options.correlationAttack', resolved.correlationAttack);
  if (!NORMALISATIONS.includes(resolved.normalise)) {
    throw new InvalidArgumentError('options.normalise', `one of ${NORMALISATIONS.join(', ')}`, show(resolved.normalise));
  }
  if (!(Number.isInteger(resolved.horizon) && resolved.horizon >= 1)) {
    throw new InvalidArgumentError('options.horizon', 'a positive whole number of steps', show(resolved.horizon));
  }
  return resolved;
}

export function validatePoints(points: readonly GridPointResult[]): void {
  if (!Array.isArray(points) || points.length === 0) {
    throw new InvalidArgumentError('points', 'a non-empty array of grid point results', show(points));
  }
  const seen = new Map<string, number>();
  points.forEach((p, i) => {
    const at = `points[${i}]`;
    if (p === null || typeof p !== 'object') throw new InvalidArgumentError(at, 'a grid point result', show(p));
    if (typeof p.label !== 'string') throw new InvalidArgumentError(`${at}.label`, 'a string', show(p.label));
    nonEmptyString(`${at}.env`, p.env);
    nonEmptyString(`${at}.criterion`, p.criterion);
    if (!PRUNING_MODES.includes(p.mode)) throw new InvalidArgumentError(`${at}.mode`, `the pruning mode, one of ${PRUNING_MODES.join(', ')}`, show(p.mode));
    if (typeof p.structured !== 'boolean') throw new InvalidArgumentError(`${at}.structured`, 'true (neuron pruning) or false (elementwise)', show(p.structured));
    if (!Number.isInteger(p.seed)) throw new InvalidArgumentError(`${at}.seed`, 'an integer', show(p.seed));
    if (!(finite(`${at}.kappa`, p.kappa) >= 0)) throw new InvalidArgumentError(`${at}.kappa`, '>= 0', show(p.kappa));
    const s = finite(`${at}.sparsity`, p.sparsity);
    if (!(s >= 0 && s < 1)) throw new InvalidArgumentError(`${at}.sparsity`, 'a number in [0, 1)', show(s));
    evalResult(`${at}.clean`, p.clean);
    if (p.cleanSampled !== undefined) evalResult(`${at}.cleanSampled`, p.cleanSampled);
    if (!Array.isArray(p.attacks)) throw new InvalidArgumentError(`${at}.attacks`, 'an array', show(p.attacks));
    const attackKeys = new Set<string>();
    (p.attacks as GridPointResult['attacks']).forEach((a, j) => {
      const aat = `${at}.attacks[${j}]`;
      nonEmptyString(`${aat}.attack`, a.attack);
      if (!(finite(`${aat}.epsilon`, a.epsilon) >= 0)) throw new InvalidArgumentError(`${aat}.epsilon`, '>= 0', show(a.epsilon));
      const key = `${a.attack}@${a.epsilon}`;
      if (attackKeys.has(key)) throw new InvalidArgumentError(aat, `unique per point (attack, epsilon)`, show(key));
      attackKeys.add(key);
      evalResult(`${aat}.result`, a.result);
    });
    certifyResults(`${at}.certify`, p.certify);
    if (p.parameterPath !== null) parameterPath(`${at}.parameterPath`, p.parameterPath);
    if (!Array.isArray(p.maskUpdates)) throw new InvalidArgumentError(`${at}.maskUpdates`, 'an array', show(p.maskUpdates));
    (p.maskUpdates as MaskUpdateRecord[]).forEach((u, j) => maskUpdate(`${at}.maskUpdates[${j}]`, u));
    if (!Array.isArray(p.training)) throw new InvalidArgumentError(`${at}.training`, 'an array', show(p.training));
    (p.training as TrainingPoint[]).forEach((t, j) => trainingPoint(`${at}.training[${j}]`, t));
    const key = JSON.stringify([p.env, p.kappa, p.criterion, p.mode, p.structured, p.sparsity, p.seed]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InvalidArgumentError(at, `a (env, kappa, criterion, pruning arm, sparsity, seed) not already given by points[${first}]`, show(p.label));
    }
    seen.set(key, i);
  });
}

function evalResult(at: string, r: EvalResult): void {
  if (r === null || typeof r !== 'object') throw new InvalidArgumentError(at, 'an evaluation result', show(r));
  for (const k of ['meanReturn', 'stdReturn', 'medianReturn', 'minReturn', 'maxReturn', 'meanLength'] as const) {
    finite(`${at}.${k}`, r[k]);
  }
  if (!Array.isArray(r.returns)) throw new InvalidArgumentError(`${at}.returns`, 'an array', show(r.returns));
  r.returns.forEach((v, i) => finite(`${at}.returns[${i}]`, v));
}

function certifyResults(at: string, list: CertifyResult[]): void {
  if (!Array.isArray(list)) throw new InvalidArgumentError(at, 'an array of certification results (one per epsilon)', show(list));
  list.forEach((c, i) => {
    certifyResult(`${at}[${i}]`, c);
    if (i > 0 && !(c.epsilon > list[i - 1]!.epsilon)) {
      throw new InvalidArgumentError(`${at}[${i}].epsilon`, `greater than the previous certificate's epsilon ${list[i - 1]!.epsilon} (ascending, one per epsilon)`, show(c.epsilon));
    }
  });
}

function certifyResult(at: string, c: CertifyResult): void {
  if (c === null || typeof c !== 'object') throw new InvalidArgumentError(at, 'a certification result', show(c));
  for (const k of ['epsilon', 'lipschitzSurrogate', 'spectralProduct', 'globalTv'] as const) finite(`${at}.${k}`, c[k]);
  if (!(c.epsilon >= 0)) throw new InvalidArgumentError(`${at}.epsilon`, '>= 0', show(c.epsilon));
  if (typeof c.constant !== 'boolean') throw new InvalidArgumentError(`${at}.constant`, 'true or false', show(c.constant));
  if (!Array.isArray(c.perState)) throw new InvalidArgumentError(`${at}.perState`, 'an array', show(c.perState));
  const methods = new Set<string>();
  c.perState.forEach((ps, i) => {
    nonEmptyString(`${at}.perState[${i}].method`, ps.method);
    const method = ps.method.toLowerCase();
    if (methods.has(method)) throw new InvalidArgumentError(`${at}.perState[${i}].method`, 'unique per point', show(ps.method));
    methods.add(method);
    for (const k of ['meanTv', 'medianTv', 'maxTv', 'certifiedFraction', 'meanWidth'] as const) {
      finite(`${at}.perState[${i}].${k}`, ps[k]);
    }
    if (ps.meanCertifiedRadius !== null) finite(`${at}.perState[${i}].meanCertifiedRadius`, ps.meanCertifiedRadius);
  });
}

function parameterPath(at: string, p: ParameterPathResult): void {
  if (typeof p !== 'object') throw new InvalidArgumentError(at, 'a parameter-path result or null', show(p));
  for (const k of ['deltaNorm', 'lPar', 'measuredActionShift'] as const) {
    if (!(finite(`${at}.${k}`, p[k]) >= 0)) throw new InvalidArgumentError(`${at}.${k}`, '>= 0', show(p[k]));
  }
  if (!(finite(`${at}.sigmaMin`, p.sigmaMin) > 0)) throw new InvalidArgumentError(`${at}.sigmaMin`, 'a positive action standard deviation', show(p.sigmaMin));
}

function maskUpdate(at: string, u: MaskUpdateRecord): void {
  if (u === null || typeof u !== 'object') throw new InvalidArgumentError(at, 'a mask-update record', show(u));
  for (const k of ['envSteps', 'gradientStep', 'sparsity', 'before', 'after'] as const) finite(`${at}.${k}`, u[k]);
}

function trainingPoint(at: string, t: TrainingPoint): void {
  for (const k of ['envSteps', 'meanReturn', 'sparsity', 'lipschitzBound'] as const) finite(`${at}.${k}`, t[k]);
}

function finite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidArgumentError(field, 'a finite number', show(value));
  return value;
}

function nonEmptyString(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidArgumentError(field, 'a non-empty string', show(value));
}
