// Gathers each grid point's stage results from the ledger into the records analysis reads.
import { DEFAULT_ARM, type CertifyResult, type EvalResult, type GridPointResult, type MaskUpdateRecord, type ParameterPathResult, type PruningArm, type TrainingPoint } from '@rlprune/analysis';
import type { Ledger, StageRow } from '../ledger/ledger';
import type { ExperimentSpec } from '../spec/experiment-spec';
import type { GridPoint } from './grid';
import { decodeStageResult, StageResultError } from './stage-results';
import type { StageKind, StageResult } from './stage-types';

/** Stored results of an experiment's stages, decoded (and checked) on first read. */
export interface StoredResults {
  evaluate(id: string): StageResult['evaluate'] | null;
  certify(id: string): StageResult['certify'] | null;
  train(id: string): StageResult['train'] | null;
}

/** An evaluation that has not finished yet (partial reports): every figure NaN, shown as missing. */
const NOT_YET: EvalResult = { meanReturn: NaN, stdReturn: NaN, medianReturn: NaN, minReturn: NaN, maxReturn: NaN, meanLength: NaN, returns: [] };

function evalResult(r: StageResult['evaluate'] | null): EvalResult {
  if (!r) return { ...NOT_YET };
  // the summary without what analysis does not read (decoded results hold only known fields)
  const { episodes: _episodes, lengths: _lengths, states: _states, ...result } = r;
  return result;
}


function certifyResult(r: StageResult['certify']): CertifyResult {
  const g = r.global;
  return {
    epsilon: r.epsilon,
    lipschitzSurrogate: g?.lipschitzSurrogate ?? NaN,
    spectralProduct: g?.spectralProduct ?? NaN,
    globalTv: g?.tv ?? NaN,
    // ledgers from before the flag: a surrogate of exactly 0 means a layer has no weight left
    constant: r.constant ?? g?.lipschitzSurrogate === 0,
    perState: r.perState.map((s) => ({ ...s, meanCertifiedRadius: s.meanCertifiedRadius ?? null })),
  };
}

/** A point's certify stages (one per epsilon; a single one in ledgers written before that). */
function certifyStagesOf(p: GridPoint): string[] {
  return p.certifyStages ? p.certifyStages.map((c) => c.stage) : p.certifyStage ? [p.certifyStage] : [];
}

/**
 * The point's certificates, ascending in epsilon. The certified radius does not depend on epsilon
 * (same policy, states and threshold), so the grid computes it in one stage (at the env default
 * epsilon) and it is copied here to the certificates at the other epsilons.
 */
function certifyResults(p: GridPoint, results: StoredResults): CertifyResult[] {
  const out = certifyStagesOf(p)
    .map((id) => results.certify(id))
    .filter((r): r is StageResult['certify'] => r !== null)
    .map(certifyResult)
    .sort((a, b) => a.epsilon - b.epsilon);
  const radius = new Map<string, number>();
  for (const c of out) for (const s of c.perState) if (s.meanCertifiedRadius !== null) radius.set(s.method, s.meanCertifiedRadius);
  for (const c of out) for (const s of c.perState) s.meanCertifiedRadius ??= radius.get(s.method) ?? null;
  return out;
}

/** The parameter path measured by one of the point's certify stages (pruned points only). */
function parameterPathOf(p: GridPoint, results: StoredResults): ParameterPathResult | null {
  for (const id of certifyStagesOf(p)) {
    const path = results.certify(id)?.parameterPath;
    if (path) return { ...path };
  }
  return null;
}

/** The train stage behind a point's policy (through a prune stage if any). */
function trainStageOf(policyStage: StageRow | undefined, byId: Map<string, StageRow>): StageRow | undefined {
  let s: StageRow | undefined = policyStage;
  while (s && s.kind !== 'train') s = byId.get(s.deps.policy!);
  return s;
}

/** The training curve behind a point's policy. */
function trainingCurve(train: StageResult['train'] | null): TrainingPoint[] {
  return (train?.curve ?? []).map((p) => ({ ...p }));
}

/** Every mask update of the training run behind a point's policy, with the surrogate before and after. */
function maskUpdates(train: StageResult['train'] | null): MaskUpdateRecord[] {
  return (train?.mask_updates ?? []).map((m) => ({ ...m }));
}

/**
 * One attack's result at one epsilon. A swept attack (rs / rs_mad over robust sarsa settings) is
 * reported as its setting with the lowest mean return, as SA-PPO reports RS (the minimum of
 * scan_attacks.sh), and names that setting; settings without a result yet are left out.
 */
export function attackResult(a: GridPoint['attackStages'][number], results: Pick<StoredResults, 'evaluate'>): GridPointResult['attacks'][number] {
  const { attack, epsilon } = a;
  if (!a.sweep || a.sweep.length === 0) return { attack, epsilon, result: evalResult(results.evaluate(a.stage)) };
  let best: { result: EvalResult; setting: string } | null = null;
  for (const s of a.sweep) {
    const r = results.evaluate(s.stage);
    if (!r) continue;
    const e = evalResult(r);
    if (Number.isFinite(e.meanReturn) && (!best || e.meanReturn < best.result.meanReturn)) best = { result: e, setting: s.setting };
  }
  return best ? { attack, epsilon, result: best.result, setting: best.setting } : { attack, epsilon, result: evalResult(null) };
}

/** The stored results of an experiment's stages, each decoded once when first read. */
export function storedResults(stages: readonly StageRow[]): StoredResults {
  const byId = new Map(stages.map((s) => [s.id, s]));
  const decoded = new Map<string, unknown>();
  const read = <K extends StageKind>(kind: K) => (id: string): StageResult[K] | null => {
    const row = byId.get(id);
    if (!row?.result) return null;
    if (row.kind !== kind) throw new StageResultError(`${id} (${row.label})`, row.kind, 'kind', `a ${kind} stage`, row.kind);
    if (!decoded.has(id)) decoded.set(id, decodeStageResult(kind, row.result, `${id} (${row.label})`));
    return decoded.get(id) as StageResult[K];
  };
  return { evaluate: read('evaluate'), certify: read('certify'), train: read('train') };
}

/**
 * The experiment's pruning arm (spec-level: every point of it shares it). The spec stored at
 * submission was parsed with the defaults filled in; a ledger row without the field reads as the
 * schema's default (micro-pruning, elementwise).
 */
function experimentArm(ledger: Ledger, experimentId: string): PruningArm {
  const spec = ledger.getExperiment(experimentId)?.spec as Partial<ExperimentSpec> | undefined;
  return { mode: spec?.pruning?.mode ?? DEFAULT_ARM.mode, structured: spec?.pruning?.structured ?? DEFAULT_ARM.structured };
}

export function gridPointResults(ledger: Ledger, experimentId: string): GridPointResult[] {
  const stages = ledger.stages(experimentId);
  const byId = new Map(stages.map((s) => [s.id, s]));
  const results = storedResults(stages);
  const arm = experimentArm(ledger, experimentId);
  return ledger.gridPoints(experimentId).map(({ point }) => {
    const p = point as GridPoint;
    const train = trainStageOf(byId.get(p.policyStage), byId);
    const trained = train ? results.train(train.id) : null;
    return {
      label: p.label,
      env: p.env,
      seed: p.seed,
      kappa: p.kappa,
      criterion: p.criterion,
      mode: arm.mode,
      structured: arm.structured,
      sparsity: p.sparsity,
      clean: evalResult(results.evaluate(p.cleanStage)),
      ...(p.sampledCleanStage ? { cleanSampled: evalResult(results.evaluate(p.sampledCleanStage)) } : {}),
      attacks: p.attackStages.map((a) => attackResult(a, results)),
      certify: certifyResults(p, results),
      parameterPath: parameterPathOf(p, results),
      training: trainingCurve(trained),
      maskUpdates: maskUpdates(trained),
    };
  });
}
