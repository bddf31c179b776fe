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

function certifyResult(r: Record<string, unknown> | null): CertifyResult | null {
  if (!r) return null;
  const g = (r.global ?? {}) as Record<string, number>;
  const perState = ((r.perState ?? []) as Array<Record<string, unknown>>).map((s) => ({
    method: String(s.method),
    meanTv: Number(s.meanTv),
    medianTv: Number(s.medianTv),
    maxTv: Number(s.maxTv),
    certifiedFraction: Number(s.certifiedFraction),
    meanWidth: Number(s.meanWidth),
  }));
  return {
    epsilon: Number(r.epsilon),
    lipschitzSurrogate: Number(g.lipschitzSurrogate ?? NaN),
    spectralProduct: Number(g.spectralProduct ?? NaN),
    globalTv: Number(g.tv ?? NaN),
    perState,
  };
}

/** The training curve behind a point's policy (the train stage, through a prune stage if any). */
function trainingCurve(policyStage: StageRow, byId: Map<string, StageRow>): TrainingPoint[] {
  let s: StageRow | undefined = policyStage;
  while (s && s.kind !== 'train') s = byId.get(s.deps.policy!);
  return ((s?.result?.curve ?? []) as TrainingPoint[]).map((p) => ({ ...p }));
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
      certify: certifyResult(result(p.certifyStage)),
      training: trainingCurve(byId.get(p.policyStage)!, byId),
    };
  });
}
