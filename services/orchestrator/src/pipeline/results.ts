// Gathers each grid point's stage results from the ledger into the records analysis reads.
import type { CertifyResult, EvalResult, GridPointResult, TrainingPoint } from '@rlprune/analysis';
import type { Ledger, StageRow } from '../ledger/ledger';
import type { GridPoint } from './grid';

function evalResult(r: Record<string, unknown>): EvalResult {
  return {
    meanReturn: Number(r.meanReturn),
    stdReturn: Number(r.stdReturn),
    medianReturn: Number(r.medianReturn),
    minReturn: Number(r.minReturn),
    maxReturn: Number(r.maxReturn),
    meanLength: Number(r.meanLength),
    returns: (r.returns as number[]) ?? [],
  };
}

// (named from GridPointResult: libs/analysis's index does not export these two)
type ParameterPathResult = NonNullable<GridPointResult['parameterPath']>;
type MaskUpdateRecord = GridPointResult['maskUpdates'][number];

const numberOrNull = (v: unknown): number | null => (v === undefined || v === null ? null : Number(v));

function certifyResult(r: Record<string, unknown>): CertifyResult {
  const g = (r.global ?? {}) as Record<string, number>;
  const perState = ((r.perState ?? []) as Array<Record<string, unknown>>).map((s) => ({
    method: String(s.method),
    meanTv: Number(s.meanTv),
    medianTv: Number(s.medianTv),
    maxTv: Number(s.maxTv),
    certifiedFraction: Number(s.certifiedFraction),
    meanWidth: Number(s.meanWidth),
    meanCertifiedRadius: numberOrNull(s.meanCertifiedRadius),
  }));
  return {
    epsilon: Number(r.epsilon),
    lipschitzSurrogate: Number(g.lipschitzSurrogate ?? NaN),
    spectralProduct: Number(g.spectralProduct ?? NaN),
    globalTv: Number(g.tv ?? NaN),
    // ledgers from before the flag: a surrogate of exactly 0 means a layer has no weight left
    constant: r.constant === undefined ? Number(g.lipschitzSurrogate) === 0 : Boolean(r.constant),
    perState,
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
function certifyResults(p: GridPoint, result: (id: string) => Record<string, unknown> | null): CertifyResult[] {
  const out = certifyStagesOf(p)
    .map(result)
    .filter((r): r is Record<string, unknown> => r !== null)
    .map(certifyResult)
    .sort((a, b) => a.epsilon - b.epsilon);
  const radius = new Map<string, number>();
  for (const c of out) for (const s of c.perState) if (s.meanCertifiedRadius !== null) radius.set(s.method, s.meanCertifiedRadius);
  for (const c of out) for (const s of c.perState) s.meanCertifiedRadius ??= radius.get(s.method) ?? null;
  return out;
}

/** The parameter path measured by one of the point's certify stages (pruned points only). */
function parameterPathOf(p: GridPoint, result: (id: string) => Record<string, unknown> | null): ParameterPathResult | null {
  for (const id of certifyStagesOf(p)) {
    const path = result(id)?.parameterPath as Record<string, unknown> | null | undefined;
    if (path)
      return {
        deltaNorm: Number(path.deltaNorm),
        lPar: Number(path.lPar),
        measuredActionShift: Number(path.measuredActionShift),
        sigmaMin: Number(path.sigmaMin),
      };
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
function trainingCurve(train: StageRow | undefined): TrainingPoint[] {
  return ((train?.result?.curve ?? []) as TrainingPoint[]).map((p) => ({ ...p }));
}

/** Every mask update of the training run behind a point's policy, with the surrogate before and after. */
function maskUpdates(train: StageRow | undefined): MaskUpdateRecord[] {
  return ((train?.result?.mask_updates ?? []) as Array<Record<string, unknown>>).map((m) => ({
    envSteps: Number(m.envSteps),
    gradientStep: Number(m.gradientStep),
    sparsity: Number(m.sparsity),
    before: Number(m.before),
    after: Number(m.after),
  }));
}

/**
 * One attack's result at one epsilon. A swept attack (rs / rs_mad over robust sarsa settings) is
 * reported as its setting with the lowest mean return, as SA-PPO reports RS (the minimum of
 * scan_attacks.sh), and names that setting; settings without a result yet are left out.
 */
export function attackResult(
  a: GridPoint['attackStages'][number],
  result: (id: string) => Record<string, unknown> | null,
): GridPointResult['attacks'][number] {
  const { attack, epsilon } = a;
  if (!a.sweep || a.sweep.length === 0) return { attack, epsilon, result: evalResult(result(a.stage) ?? {}) };
  let best: { result: EvalResult; setting: string } | null = null;
  for (const s of a.sweep) {
    const r = result(s.stage);
    if (!r) continue;
    const e = evalResult(r);
    if (Number.isFinite(e.meanReturn) && (!best || e.meanReturn < best.result.meanReturn)) best = { result: e, setting: s.setting };
  }
  return best ? { attack, epsilon, result: best.result, setting: best.setting } : { attack, epsilon, result: evalResult({}) };
}

export function gridPointResults(ledger: Ledger, experimentId: string): GridPointResult[] {
  const byId = new Map(ledger.stages(experimentId).map((s) => [s.id, s]));
  const result = (id: string) => byId.get(id)?.result ?? null;
  return ledger.gridPoints(experimentId).map(({ point }) => {
    const p = point as GridPoint;
    return {
      label: p.label,
      env: p.env,
      seed: p.seed,
      kappa: p.kappa,
      criterion: p.criterion,
      sparsity: p.sparsity,
      clean: evalResult(result(p.cleanStage) ?? {}),
      attacks: p.attackStages.map((a) => attackResult(a, result)),
      certify: certifyResults(p, result),
      parameterPath: parameterPathOf(p, result),
      training: trainingCurve(trainStageOf(byId.get(p.policyStage), byId)),
      maskUpdates: maskUpdates(trainStageOf(byId.get(p.policyStage), byId)),
    };
  });
}
